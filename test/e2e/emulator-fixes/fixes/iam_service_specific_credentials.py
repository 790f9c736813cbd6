"""IAM ListServiceSpecificCredentials, implemented on moto's own state.

moto 5.2.5 lacks ListServiceSpecificCredentials, and it also lacks every call
that creates such a credential (CreateServiceSpecificCredential), so a user in
moto never has one: the faithful answer is the empty list AWS documents for a
user without any (https://docs.aws.amazon.com/IAM/latest/APIReference/API_ListServiceSpecificCredentials.html),
after checking that the user exists, as AWS does (NoSuchEntity otherwise). The
AWS provider calls it when it deletes a user with `force_destroy`.
"""
from ._patch import replace


def apply() -> None:
    from moto.iam.responses import IamResponse

    def list_service_specific_credentials(self):
        from moto.core.responses import ActionResult

        user_name = self._get_param("UserName")
        if user_name:
            self.backend.get_user(user_name)
        return ActionResult({"ServiceSpecificCredentials": []})

    replace(IamResponse, "list_service_specific_credentials", lambda _o: list_service_specific_credentials)
