"""A campaign's petition and letter (supporters/actions_api.py): their shape in its detail, and the two POSTs."""

from supporters.actions_api import MAX_BODY_BYTES
from supporters.letters import LETTER_MAX_LENGTH
from supporters.validation import COMMENT_MAX_LENGTH, EMAIL_MAX_LENGTH, NAME_MAX_LENGTH

from .components import LOCALE_CODE, json_content, ref, response, strict_object

MESSAGE = {"type": "string", "description": "A sentence to show the visitor, in the campaign's (or asked) language."}
CHILD_META = strict_object({"type": {"type": "string"}})
TEXT = {"type": "string"}


def detail_schemas():
    """The campaign detail's ``petitions`` and ``letters`` (at most one each; texts in the page's language)."""
    petition = strict_object(
        {
            "id": {"type": "integer"},
            "meta": CHILD_META,
            "heading": {**TEXT, "description": "Empty: show “Sign the petition” in the reader's language."},
            "text": TEXT,
            "counter": strict_object(
                {
                    "signatures": {"type": "integer", "minimum": 0, "description": "Confirmed signatures."},
                    "goal": {"type": "integer", "minimum": 0},
                    "percent": {"type": "integer", "minimum": 0, "maximum": 100},
                    "is_open": {"type": "boolean"},
                },
                description="The same in every translation of the campaign.",
            ),
            "signers": {
                "type": "array",
                "items": strict_object({"first_name": TEXT, "country": TEXT}),
                "description": "The latest confirmed signers who agreed to be listed: first name and country code.",
            },
            "sign_url": {**TEXT, "description": "Where to POST a signature."},
        }
    )
    letter = strict_object(
        {
            "id": {"type": "integer"},
            "meta": CHILD_META,
            "heading": TEXT,
            "introduction": TEXT,
            "subject": TEXT,
            "body": {**TEXT, "description": "The letter supporters start from."},
            "counter": strict_object(
                {"letters_sent": {"type": "integer", "minimum": 0}, "is_open": {"type": "boolean"}}
            ),
            "targets": {
                "type": "array",
                "items": strict_object({"name": TEXT, "organisation": TEXT, "email": TEXT}),
                "description": "The decision makers the letter goes to (public institutional addresses).",
            },
            "send_url": {**TEXT, "description": "Where to POST a letter for the site to send."},
        }
    )
    return {
        "petitions": {"type": "array", "items": petition, "maxItems": 1, "description": "The campaign's petition."},
        "letters": {"type": "array", "items": letter, "maxItems": 1, "description": "Its letter to decision makers."},
    }


SUPPORTER = {
    "name": {"type": "string", "maxLength": NAME_MAX_LENGTH},
    "email": {"type": "string", "maxLength": EMAIL_MAX_LENGTH, "format": "email"},
    "country": {"type": "string", "description": "ISO 3166-1 alpha-2 code, e.g. PS."},
    "language": {**LOCALE_CODE, "description": "Optional: the language of the emails; the campaign's by default."},
    "website": {"type": "string", "description": "A honeypot: leave it out."},
}


def schemas():
    return {
        "PetitionSignature": strict_object(
            {
                **SUPPORTER,
                "comment": {"type": "string", "maxLength": COMMENT_MAX_LENGTH},
                "consent": {"const": True, "description": "Consent to sign and to the signature being kept."},
                "may_contact": {"type": "boolean"},
                "show_first_name": {"type": "boolean"},
            },
            required=["name", "email", "country", "consent"],
        ),
        "CampaignLetter": strict_object(
            {
                **SUPPORTER,
                "body": {"type": "string", "maxLength": LETTER_MAX_LENGTH},
                "consent": {"const": True, "description": "Consent for the site to send the letter in their name."},
            },
            required=["name", "email", "country", "body", "consent"],
        ),
        "CampaignActionAnswer": strict_object({"message": MESSAGE}),
        "CampaignActionError": strict_object(
            {
                "message": MESSAGE,
                "errors": {
                    "type": "object",
                    "additionalProperties": {"type": "array", "items": {"type": "string"}},
                    "description": "The messages per bad field, by the field's name.",
                },
            }
        ),
    }


def _operation(operation_id, summary, description, body):
    return {
        "post": {
            "operationId": operation_id,
            "tags": ["campaign actions"],
            "summary": summary,
            "description": description + f" The body is JSON, at most {MAX_BODY_BYTES} bytes.",
            "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}],
            "requestBody": {"required": True, "content": json_content(ref(body))},
            "responses": {
                "202": response("Received; a confirmation email is on its way.", ref("CampaignActionAnswer")),
                "400": response("A field is wrong; `errors` names it.", ref("CampaignActionError")),
                "404": response("No public campaign with this action.", ref("CampaignActionAnswer")),
                "405": ref("MethodNotAllowed", "responses"),
                "429": response(
                    "Too many requests; try again after `Retry-After` seconds.",
                    ref("CampaignActionAnswer"),
                    headers={"Retry-After": {"schema": {"type": "string"}, "description": "Seconds."}},
                ),
            },
        }
    }


def paths():
    return {
        "/api/v2/campaigns/{id}/petition/sign/": _operation(
            "campaign_petition_sign",
            "Sign a campaign's petition",
            "The signature counts once the supporter follows the link emailed to them; the answer is the same "
            "whether or not the address had signed.",
            "PetitionSignature",
        ),
        "/api/v2/campaigns/{id}/letter/send/": _operation(
            "campaign_letter_send",
            "Have the site send a letter to the campaign's decision makers",
            "The letter is sent to every target, and counted, once the supporter follows the link emailed to them.",
            "CampaignLetter",
        ),
    }
