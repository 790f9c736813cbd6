"""RDS CreateDBInstance: each instance gets its own DbiResourceId.

AWS documents `DbiResourceId` as "the AWS Region-unique, immutable identifier
for the DB instance" (https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_DBInstance.html).
moto 5.2.5 gives every instance the same constant, so with two instances in
one account the provider (which reads an instance back by its resource ID)
finds two and reads neither.
"""
import random
import string

from ._patch import replace


def new_resource_id() -> str:
    return "db-" + "".join(random.choice(string.ascii_uppercase + string.digits) for _ in range(26))


def apply() -> None:
    from moto.rds.models import DBInstance

    def make(original):
        def __init__(self, *args, **kwargs):
            original(self, *args, **kwargs)
            self.dbi_resource_id = new_resource_id()

        return __init__

    replace(DBInstance, "__init__", make)
