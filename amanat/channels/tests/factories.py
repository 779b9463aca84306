import hashlib
import re
from urllib.parse import urlencode

PASSWORD = "odk pass 2026"


def md5(text: str) -> str:
    return hashlib.md5(text.encode()).hexdigest()  # noqa: S324 - the protocol's own hash


def digest_header(challenge: str, username: str, password: str, method: str, uri: str) -> str:
    """What ODK Collect computes from the server's challenge (RFC 7616, qop=auth)."""
    found = re.search(r'nonce="([^"]+)"', challenge)
    assert found, challenge
    nonce = found.group(1)
    ha1 = md5(f"{username}:Amanat:{password}")
    ha2 = md5(f"{method}:{uri}")
    response = md5(f"{ha1}:{nonce}:00000001:abcdef:auth:{ha2}")
    return (
        f'Digest username="{username}", realm="Amanat", nonce="{nonce}", uri="{uri}", '
        f'response="{response}", qop=auth, nc=00000001, cnonce="abcdef", algorithm=MD5'
    )


CHAT = 424242


def texts(sent):
    return [payload.get("text") for url, payload in sent if url.endswith("/sendMessage")]


def smssync(client, text, message_id="m1", sender="8 701 000 00 42", secret="s3cret", **extra):
    fields = {
        "from": sender,
        "message": text,
        "message_id": message_id,
        "sent_timestamp": "1774060200000",
        "sent_to": "+77000000000",
        "secret": secret,
        "device_id": "1",
    }
    # As the SMSSync app posts them: URL-encoded.
    return client.post("/sms/smssync/", urlencode(fields), content_type=FORM, **extra)


def reply_of(response) -> str:
    return response.json()["payload"]["messages"][0]["message"]


LIST = "/openrosa/formList"


SUBMIT = "/openrosa/submission"


def nonce_of(response) -> str:
    found = re.search(r'nonce="([^"]+)"', response["WWW-Authenticate"])
    assert found, response["WWW-Authenticate"]
    return found.group(1)


def signed(nonce, username, password, method, uri, nc=1, cnonce="c0ffee") -> str:
    """The Authorization header ODK Collect sends for this nonce and count (RFC 7616)."""
    ha1 = md5(f"{username}:Amanat:{password}")
    count = f"{nc:08x}"
    response = md5(f"{ha1}:{nonce}:{count}:{cnonce}:auth:{md5(f'{method}:{uri}')}")
    return (
        f'Digest username="{username}", realm="Amanat", nonce="{nonce}", uri="{uri}", '
        f'response="{response}", qop=auth, nc={count}, cnonce="{cnonce}", algorithm=MD5'
    )


def sign_in(client, username, password=PASSWORD, method="GET", uri=LIST, **extra):
    nonce = nonce_of(client.get(LIST))
    auth = signed(nonce, username, password, method, uri)
    return getattr(client, method.lower())(uri, HTTP_AUTHORIZATION=auth, **extra)


PHONE = "+77010000042"


FORM = "application/x-www-form-urlencoded"
