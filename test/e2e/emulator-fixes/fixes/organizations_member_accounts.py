"""Emulator setup, not a correction: member accounts that exist before the organization.

A real organization's member accounts exist before the management account's
organization stack runs (they are invited, or were created earlier), and
AttachPolicy refuses a target that is not in the organization
(https://docs.aws.amazon.com/organizations/latest/APIReference/API_AttachPolicy.html,
TargetNotFoundException). moto can create accounts only with random IDs, so
the stacks' SCP attachments to the pinned prod and dev accounts could never
apply. When TENANTFORM_MOTO_MEMBER_ACCOUNTS names account IDs (comma
separated), CreateOrganization joins them to the new organization as invited
members under the root, with the default SCP attached, exactly as moto does
for the accounts it creates. Without the variable nothing changes.
"""
import os

from ._patch import replace

VARIABLE = "TENANTFORM_MOTO_MEMBER_ACCOUNTS"


def member_accounts() -> list[str]:
    return [a.strip() for a in os.environ.get(VARIABLE, "").split(",") if a.strip()]


def apply() -> None:
    from moto.organizations import utils
    from moto.organizations.models import FakeAccount, OrganizationsBackend

    def make(original):
        def create_organization(self, region, **kwargs):
            result = original(self, region, **kwargs)
            for account_id in member_accounts():
                if account_id == self.org.master_account_id or any(a.id == account_id for a in self.accounts):
                    continue
                account = FakeAccount(self.org, AccountName=f"member-{account_id}", Email=f"{account_id}@example.org")
                account.id = account_id
                account.joined_method = "INVITED"
                self.accounts.append(account)
                self.attach_policy(PolicyId=utils.DEFAULT_SCP_POLICY_ID, TargetId=account.id)
            return result

        return create_organization

    replace(OrganizationsBackend, "create_organization", make)
