"""Demo texts for the home page, the About page, the section introductions and the site settings.

Block tuples (see ``loader.stream``): ("h2", text), ("h3", text), ("p", text), ("ul", [items]),
("quote", text, attribution), ("image", image key, caption), ("cta", text, button label, section key).
"""

HOME = {
    "image": "home",
    "text": {
        "ar": {
            "introduction": (
                "مناصرة منصة لوحدة المناصرة الدولية في مركز العمل المجتمعي – جامعة القدس. ننشر هنا قصص "
                "المقدسيين الذين يواجهون إلغاء الإقامات وهدم المنازل ورفض تصاريح البناء والتهجير، ونحوّل ما "
                "نوثقه إلى حملات تخاطب الحكومات والاتحاد الأوروبي والأمم المتحدة."
            ),
            "body": [
                ("h2", "لماذا نروي هذه القصص؟"),
                (
                    "p",
                    "خلف كل قرار هدم أو إلغاء إقامة عائلة تعيش في القدس الشرقية وتريد أن تبقى فيها بأمان وكرامة. "
                    "نروي القصص بموافقة أصحابها، ونغيّر الأسماء والتفاصيل التي قد تكشف هويتهم.",
                ),
                ("cta", "اقرأ شهادات العائلات من أحياء القدس الشرقية.", "كل القصص", "stories"),
                ("h2", "كيف يمكنك المساعدة؟"),
                (
                    "p",
                    "تعرّف على حملاتنا الجارية، وشارك القصص مع من يستطيع التأثير في صانعي القرار، وساعدنا على "
                    "إيصال صوت المقدسيين إلى الهيئات الدولية.",
                ),
                ("cta", "حملاتنا الحالية وما نطلبه من الجهات الدولية.", "الحملات", "campaigns"),
            ],
        },
        "en": {
            "introduction": (
                "Munasara is the platform of the International Advocacy Unit at the Community Action Center – "
                "Al-Quds University. Here we publish the stories of Jerusalemites facing residency revocation, "
                "home demolitions, denied building permits and displacement, and turn what we document into "
                "campaigns addressed to governments, the European Union and the United Nations."
            ),
            "body": [
                ("h2", "Why we tell these stories"),
                (
                    "p",
                    "Behind every demolition order or revoked residency there is a family that lives in East "
                    "Jerusalem and wants to stay there in safety and dignity. We tell each story with the consent "
                    "of the people in it, and we change names and any detail that could identify them.",
                ),
                (
                    "cta",
                    "Read the accounts of families from East Jerusalem's neighbourhoods.",
                    "All stories",
                    "stories",
                ),
                ("h2", "How you can help"),
                (
                    "p",
                    "Follow our current campaigns, share the stories with people who can reach decision-makers, "
                    "and help us carry the voices of Jerusalemites to international bodies.",
                ),
                ("cta", "Our current campaigns and what we ask of international actors.", "Campaigns", "campaigns"),
            ],
        },
        "fr": {
            "introduction": (
                "Munasara est la plateforme de l'Unité de plaidoyer international du Centre d'action "
                "communautaire – Université Al-Quds. Nous y publions les témoignages de Hiérosolymitains "
                "confrontés à la révocation de leur droit de résidence, aux démolitions de maisons, aux refus de "
                "permis de construire et aux déplacements, et nous en tirons des campagnes adressées aux "
                "gouvernements, à l'Union européenne et aux Nations unies."
            ),
            "body": [
                ("h2", "Pourquoi raconter ces histoires"),
                (
                    "p",
                    "Derrière chaque ordre de démolition ou résidence révoquée, il y a une famille qui vit à "
                    "Jérusalem-Est et veut y rester en sécurité et dans la dignité. Chaque témoignage est publié "
                    "avec l'accord des personnes concernées ; les noms et les détails permettant de les "
                    "identifier sont modifiés.",
                ),
                ("cta", "Lisez les témoignages des familles de Jérusalem-Est.", "Tous les témoignages", "stories"),
                ("h2", "Comment agir"),
                (
                    "p",
                    "Suivez nos campagnes en cours, partagez les témoignages avec celles et ceux qui peuvent "
                    "interpeller les décideurs, et aidez-nous à porter la voix des Hiérosolymitains auprès des "
                    "instances internationales.",
                ),
                ("cta", "Nos campagnes et nos demandes aux acteurs internationaux.", "Campagnes", "campaigns"),
            ],
        },
    },
}

ABOUT = {
    "founded_year": 1999,
    "text": {
        "ar": {
            "title": "عن مركز العمل المجتمعي",
            "introduction": (
                "تأسس مركز العمل المجتمعي – جامعة القدس عام 1999 جزءًا من خدمات الجامعة، في قلب البلدة القديمة "
                "من القدس، ليبني خدمات تنظيم المجتمع المقدسي."
            ),
            "body": [
                ("h2", "منهجيتنا"),
                (
                    "p",
                    "يعمل المركز وفق منهجية مجتمعية قائمة على ممارسة الحقوق، تنطلق من الإيمان بحقوق الإنسان "
                    "والعدل والمساواة. نعمل مع الناس لا نيابة عنهم: نستمع إلى العائلات، ونساعدها على معرفة حقوقها "
                    "والمطالبة بها، ونبني معها أشكالًا من العمل الجماعي.",
                ),
                ("image", "about", "المركز في البلدة القديمة، على مقربة من الأحياء التي نعمل فيها."),
                ("h2", "وحداتنا"),
                (
                    "ul",
                    [
                        "وحدة الخدمات القانونية: استشارات ومتابعة قانونية للعائلات في قضايا الإقامة والبناء والسكن.",
                        "وحدة المناصرة المجتمعية: تنظيم الأهالي وبناء قدراتهم في الأحياء.",
                        "وحدة المناصرة الدولية: توثيق الانتهاكات ونقلها إلى الهيئات الدولية منذ عام 2016.",
                    ],
                ),
                ("cta", "تعرّف على عمل كل وحدة.", "وحدات المركز", "units"),
            ],
        },
        "en": {
            "title": "About the Community Action Center",
            "introduction": (
                "The Community Action Center – Al-Quds University was founded in 1999 as part of the "
                "university's services, in the heart of the Old City of Jerusalem, to build community "
                "organising services for Jerusalem's Palestinian community."
            ),
            "body": [
                ("h2", "Our approach"),
                (
                    "p",
                    "The Center follows a rights-based community approach grounded in a belief in human rights, "
                    "justice and equality. We work with people rather than on their behalf: we listen to "
                    "families, help them know and claim their rights, and build collective action with them.",
                ),
                ("image", "about", "The Center in the Old City, close to the neighbourhoods where we work."),
                ("h2", "Our units"),
                (
                    "ul",
                    [
                        "Legal Services Unit: legal advice and follow-up for families on residency, building and "
                        "housing cases.",
                        "Community Advocacy Unit: organising residents and building their capacities in the "
                        "neighbourhoods.",
                        "International Advocacy Unit: documenting violations and bringing them before "
                        "international bodies since 2016.",
                    ],
                ),
                ("cta", "Learn about the work of each unit.", "Our units", "units"),
            ],
        },
        "fr": {
            "title": "À propos du Centre d'action communautaire",
            "introduction": (
                "Le Centre d'action communautaire – Université Al-Quds a été fondé en 1999 dans le cadre des "
                "services de l'université, au cœur de la Vieille ville de Jérusalem, pour développer "
                "l'organisation communautaire au service de la population palestinienne de Jérusalem."
            ),
            "body": [
                ("h2", "Notre démarche"),
                (
                    "p",
                    "Le Centre applique une démarche communautaire fondée sur l'exercice des droits et sur la "
                    "conviction que les droits humains, la justice et l'égalité doivent guider l'action. Nous "
                    "travaillons avec les personnes et non à leur place : nous écoutons les familles, les aidons "
                    "à connaître et à faire valoir leurs droits, et construisons avec elles une action collective.",
                ),
                ("image", "about", "Le Centre dans la Vieille ville, près des quartiers où nous travaillons."),
                ("h2", "Nos unités"),
                (
                    "ul",
                    [
                        "Unité des services juridiques : conseil et suivi juridique des familles (résidence, "
                        "construction, logement).",
                        "Unité de plaidoyer communautaire : organisation des habitants et renforcement de leurs "
                        "capacités dans les quartiers.",
                        "Unité de plaidoyer international : documentation des violations et saisine des instances "
                        "internationales depuis 2016.",
                    ],
                ),
                ("cta", "Découvrez le travail de chaque unité.", "Nos unités", "units"),
            ],
        },
    },
}

INDEX_INTRODUCTIONS = {
    "units": {
        "ar": "ثلاث وحدات تعمل معًا: من الاستشارة القانونية في الحي إلى المناصرة أمام الهيئات الدولية.",
        "en": "Three units working together: from legal advice in the neighbourhood to advocacy before "
        "international bodies.",
        "fr": "Trois unités qui travaillent ensemble : du conseil juridique dans le quartier au plaidoyer auprès "
        "des instances internationales.",
    },
    "campaigns": {
        "ar": "حملات مبنية على ما نوثقه، موجهة إلى من يملك القدرة على التغيير.",
        "en": "Campaigns built on what we document, aimed at those who have the power to bring change.",
        "fr": "Des campagnes fondées sur notre travail de documentation, adressées à celles et ceux qui ont le "
        "pouvoir de faire changer les choses.",
    },
    "stories": {
        "ar": "شهادات من أحياء القدس الشرقية، منشورة بموافقة أصحابها وبأسماء مستعارة.",
        "en": "Accounts from East Jerusalem's neighbourhoods, published with the consent of the people in them "
        "and under changed names.",
        "fr": "Des témoignages des quartiers de Jérusalem-Est, publiés avec l'accord des personnes concernées et "
        "sous des noms d'emprunt.",
    },
}

SITE_SETTINGS = {
    "organisation_name": "مركز العمل المجتمعي – جامعة القدس",
    "contact_email": "info@example.org",
    "address": "البلدة القديمة، القدس",
    "footer_text": (
        "وحدة المناصرة الدولية – مركز العمل المجتمعي، جامعة القدس. القصص منشورة بموافقة أصحابها وبأسماء مستعارة."
    ),
}
