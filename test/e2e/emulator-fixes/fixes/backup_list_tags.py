"""AWS Backup ListTags: the resource ARN is everything after `/tags/`.

AWS documents the request as `GET /tags/resourceArn/` with the ARN as one
URI parameter (https://docs.aws.amazon.com/aws-backup/latest/devguide/API_ListTags.html);
the AWS SDK for Go sends it without the trailing slash. moto 5.2.5 takes the
second-to-last path segment as the ARN, which without the slash is the word
`tags`, so the tags of a vault or plan are never read back.
"""
from urllib.parse import unquote

from ._patch import replace


def resource_arn_from_path(path: str) -> str:
    return unquote(path.split("/tags/", 1)[1].split("?", 1)[0].rstrip("/"))


def apply() -> None:
    from moto.backup.responses import BackupResponse

    def make(_original):
        def list_tags(self):
            import json

            tags = self.backup_backend.list_tags(resource_arn=resource_arn_from_path(self.path))
            return json.dumps({"Tags": tags})

        return list_tags

    replace(BackupResponse, "list_tags", make)
