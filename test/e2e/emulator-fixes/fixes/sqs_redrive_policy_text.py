"""SQS GetQueueAttributes: RedrivePolicy is returned as compact JSON text.

AWS returns a queue's RedrivePolicy as the JSON text of the policy without
insignificant whitespace, as in the GetQueueAttributes example
(`"RedrivePolicy": "{\"deadLetterTargetArn\":\"arn:aws:sqs:...\",\"maxReceiveCount\":1000}"`,
https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_GetQueueAttributes.html).
moto 5.2.5 serialises it with Python's default separators (`", "` and
`": "`), so the provider, which compares the text, plans to rewrite every
redrive policy after apply ("whitespace changes").
"""
import json

from ._patch import replace


def apply() -> None:
    from moto.sqs.models import Queue

    def make_attributes(original):
        def attributes(self):
            result = original.fget(self)
            if self.redrive_policy:
                result["RedrivePolicy"] = json.dumps(self.redrive_policy, separators=(",", ":"))
            return result

        return property(attributes)

    replace(Queue, "attributes", make_attributes)
