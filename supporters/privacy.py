"""The privacy page's words in each language: what the mailing list keeps, why, and for how long.

Kept in step with supporters/retention.py (the keeping times) and the models (what is kept). The site
set-up creates the pages from these texts (supporters.site_pages); editors may change them afterwards.
"""

from django.conf import settings


def privacy_sections(language):
    """``(title, introduction, [(heading, paragraph html), ...])`` for ``language`` ("ar", "en" or "fr")."""
    days = {
        "confirm": settings.SUPPORTERS_CONFIRM_MAX_AGE_DAYS,
        "unsubscribed": settings.SUPPORTERS_UNSUBSCRIBED_RETENTION_DAYS,
    }
    return TEXTS[language](days)


def _arabic(days):
    return (
        "الخصوصية وبيانات المناصرين",
        "تشرح هذه الصفحة ما نحفظه عنك حين تشترك في قائمتنا البريدية أو توقّع عريضة أو ترسل رسالة، ولماذا، وإلى متى.",
        [
            (
                "ما الذي نحفظه",
                "<p>عنوان بريدك الإلكتروني، واسمك إن كتبته، واللغة والمواضيع التي اخترتها، ووقت موافقتك ووقت "
                "تأكيدها. لا نحفظ شيئًا آخر عنك، ولا نستخدم أدوات تتبّع.</p>",
            ),
            (
                "لماذا",
                "<p>لنرسل إليك الرسائل التي طلبتها فقط، ولنثبت أنك وافقت عليها. لا نبيع بياناتك ولا نشاركها مع أحد، "
                "ولا يظهر اسمك أو بريدك في أي صفحة عامة.</p>",
            ),
            (
                "إلى متى",
                f"<p>يُحذف الاشتراك الذي لم يُؤكَّد بعد {days['confirm']} أيام. إذا ألغيت اشتراكك نحذف عنوانك بعد "
                f"{days['unsubscribed']} يومًا. يبقى الاشتراك المؤكَّد إلى أن تلغيه.</p>",
            ),
            (
                "حقوقك",
                "<p>في كل رسالة منّا رابط لإلغاء الاشتراك بنقرة واحدة ورابط لتعديل تفضيلاتك. ولطلب حذف بياناتك كلها "
                "راسلنا على عنوان التواصل في أسفل الصفحة.</p>",
            ),
        ],
    )


def _english(days):
    return (
        "Privacy and supporters' data",
        "What we keep when you join our mailing list, sign a petition or send a letter, why, and for how long.",
        [
            (
                "What we keep",
                "<p>Your email address, your name if you gave one, the language and topics you chose, and when you "
                "gave and confirmed your consent. Nothing else about you, and no tracking tools.</p>",
            ),
            (
                "Why",
                "<p>Only to send you the emails you asked for, and to show that you agreed to them. We never sell or "
                "share your data, and your name and address never appear on a public page.</p>",
            ),
            (
                "For how long",
                f"<p>A sign-up that is not confirmed is deleted after {days['confirm']} days. If you unsubscribe, we "
                f"delete your address after {days['unsubscribed']} days. A confirmed subscription lasts until you "
                "unsubscribe.</p>",
            ),
            (
                "Your rights",
                "<p>Every email we send has a one-click unsubscribe link and a link to change your preferences. To "
                "have all your data erased, write to the contact address at the bottom of the page.</p>",
            ),
        ],
    )


def _french(days):
    return (
        "Confidentialité et données des sympathisants",
        "Ce que nous conservons quand vous vous inscrivez à notre liste de diffusion, signez une pétition ou "
        "envoyez une lettre, pourquoi, et pendant combien de temps.",
        [
            (
                "Ce que nous conservons",
                "<p>Votre adresse électronique, votre nom si vous l'avez indiqué, la langue et les sujets choisis, "
                "et la date de votre consentement et de sa confirmation. Rien d'autre, et aucun outil de suivi.</p>",
            ),
            (
                "Pourquoi",
                "<p>Uniquement pour vous envoyer les courriels demandés et prouver votre accord. Nous ne vendons ni ne "
                "partageons vos données ; votre nom et votre adresse n'apparaissent sur aucune page publique.</p>",
            ),
            (
                "Pendant combien de temps",
                f"<p>Une inscription non confirmée est supprimée après {days['confirm']} jours. Si vous vous "
                f"désinscrivez, votre adresse est supprimée après {days['unsubscribed']} jours. Une inscription "
                "confirmée dure jusqu'à votre désinscription.</p>",
            ),
            (
                "Vos droits",
                "<p>Chaque courriel contient un lien de désinscription en un clic et un lien pour modifier vos "
                "préférences. Pour faire effacer toutes vos données, écrivez à l'adresse de contact en bas de "
                "page.</p>",
            ),
        ],
    )


TEXTS = {"ar": _arabic, "en": _english, "fr": _french}


def privacy_body(language):
    """The privacy page's StreamField value for ``language``."""
    _title, _introduction, sections = privacy_sections(language)
    body = []
    for heading, paragraph in sections:
        body.append(("heading", {"text": heading, "level": "h2"}))
        body.append(("paragraph", paragraph))
    return body
