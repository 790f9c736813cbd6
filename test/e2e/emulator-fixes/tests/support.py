"""One moto server in this process, with the fixes applied, for every test."""
import os
import socket
import sys
import unittest
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from fixes import apply_all  # noqa: E402
from fixes._patch import moto_as_released  # noqa: E402,F401

ACCOUNT = "111111111111"
REGION = "eu-west-1"
os.environ.setdefault("MOTO_ACCOUNT_ID", ACCOUNT)
os.environ.update({"AWS_ACCESS_KEY_ID": "moto", "AWS_SECRET_ACCESS_KEY": "moto", "AWS_DEFAULT_REGION": REGION})

_server = None
endpoint = ""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start() -> str:
    global _server, endpoint
    if _server is None:
        from moto.server import ThreadedMotoServer

        apply_all()
        port = _free_port()
        _server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
        _server.start()
        endpoint = f"http://127.0.0.1:{port}"
    return endpoint


def client(service: str):
    import boto3

    from botocore.config import Config

    # No retries: moto's "not implemented" is an HTTP 500, which botocore would otherwise retry.
    return boto3.client(service, endpoint_url=start(), region_name=REGION, config=Config(retries={"total_max_attempts": 1}))


def reset() -> None:
    urllib.request.urlopen(urllib.request.Request(f"{start()}/moto-api/reset", method="POST")).read()


def raw_get(service: str, path: str) -> bytes:
    """A GET as another SDK sends it: moto routes by the credential scope and does not check the signature."""
    request = urllib.request.Request(f"{start()}{path}")
    request.add_header("Authorization", f"AWS4-HMAC-SHA256 Credential=moto/20250101/{REGION}/{service}/aws4_request, SignedHeaders=host, Signature=0")
    return urllib.request.urlopen(request).read()


class EmulatorTest(unittest.TestCase):
    def setUp(self) -> None:
        reset()
