"""``POST /api/v2/mailing-list/subscribe/`` (supporters/api.py): the headless front end's sign-up form."""

from supporters.api import MAX_BODY_BYTES
from supporters.topics import TOPICS
from supporters.validation import EMAIL_MAX_LENGTH, NAME_MAX_LENGTH

from .components import LOCALE_CODE, json_content, ref, response, strict_object

MESSAGE = {"type": "string", "description": "A sentence to show the visitor, in the requested language."}


def schemas():
    return {
        "MailingListSignUp": strict_object(
            {
                "email": {"type": "string", "maxLength": EMAIL_MAX_LENGTH, "format": "email"},
                "locale": {**LOCALE_CODE, "description": "The language of the emails the supporter will get."},
                "name": {"type": "string", "maxLength": NAME_MAX_LENGTH, "description": "Optional; one line."},
                "topics": {
                    "type": "array",
                    "items": {"type": "string", "enum": list(TOPICS)},
                    "description": "What to hear about; none or an empty list means every topic.",
                },
                "consent": {"const": True, "description": "The supporter's consent: exactly `true`."},
                "website": {
                    "type": "string",
                    "description": "A honeypot: leave it out. When it holds anything the sign-up is dropped "
                    "silently (the answer is still 202).",
                },
            },
            required=["email", "locale", "consent"],
        ),
        "MailingListAnswer": strict_object({"message": MESSAGE}),
        "MailingListError": strict_object(
            {
                "message": MESSAGE,
                "errors": {
                    "type": "object",
                    "additionalProperties": {"type": "array", "items": {"type": "string"}},
                    "description": "The messages per bad field, by the field's name (`Content-Type` and `body` "
                    "for the request itself).",
                },
            }
        ),
    }


def paths():
    return {
        "/api/v2/mailing-list/subscribe/": {
            "post": {
                "operationId": "mailing_list_subscribe",
                "tags": ["mailing list"],
                "summary": "Join the mailing list",
                "description": "Double opt-in: the address gets an email with a link to confirm; only confirmed "
                "subscribers get the list's emails. The answer is the same whether or not the address is "
                "already subscribed. Rate-limited per client address and per email address. "
                f"The body is JSON, at most {MAX_BODY_BYTES} bytes.",
                "requestBody": {"required": True, "content": json_content(ref("MailingListSignUp"))},
                "responses": {
                    "202": response(
                        "Received; a confirmation email is on its way if the address can receive it.",
                        ref("MailingListAnswer"),
                    ),
                    "400": response("A field is wrong; `errors` names it.", ref("MailingListError")),
                    "405": ref("MethodNotAllowed", "responses"),
                    "429": response(
                        "Too many sign-ups; try again after `Retry-After` seconds.",
                        ref("MailingListAnswer"),
                        headers={"Retry-After": {"schema": {"type": "string"}, "description": "Seconds."}},
                    ),
                },
            }
        }
    }
