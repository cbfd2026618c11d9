"""Demo campaigns. Related stories are named by story slug (see ``stories``); block tuples as in ``site``.

Calls to action point at pages of the site itself (a ``cta`` block), never at
another domain, so the campaign's own ``call_to_action_url`` stays empty.
"""

import datetime

CAMPAIGNS = [
    {
        "slug": "stop-home-demolitions",
        "status": "active",
        "start_date": datetime.date(2024, 3, 1),
        "end_date": None,
        "audiences": ["third-party-governments", "eu", "un"],
        "related_stories": [
            "a-home-in-al-bustan",
            "demolishing-our-own-home-in-beit-hanina",
            "buildings-by-the-wall-in-sur-baher",
        ],
        "image": "campaign-demolitions",
        "text": {
            "ar": {
                "title": "أوقفوا هدم المنازل في القدس الشرقية",
                "summary": (
                    "تُهدم بيوت المقدسيين لأنها بُنيت دون رخص يكاد يستحيل الحصول عليها. نطالب الجهات الدولية "
                    "بالتحرك لوقف الهدم وإتاحة التخطيط العادل."
                ),
                "the_ask": (
                    "أن تطالب حكومات الدول الثالثة والاتحاد الأوروبي إسرائيلَ علنًا بوقف هدم المنازل في القدس "
                    "الشرقية وتجميد أوامر الهدم القائمة، وأن تدعم الأمم المتحدة توثيق كل عملية هدم ومتابعتها."
                ),
                "body": [
                    ("h2", "لماذا الآن؟"),
                    (
                        "p",
                        "تتلقى عائلات في أحياء عدة أوامر هدم، وكثير منها يضطر إلى الهدم الذاتي ليتجنب الغرامات. كل "
                        "بيت يُهدم يعني أطفالًا ينتقلون من مدارسهم وعائلة تبحث عن مأوى.",
                    ),
                    ("h2", "ما الذي نفعله"),
                    (
                        "ul",
                        [
                            "نوثق عمليات الهدم وأوامره بموافقة العائلات.",
                            "نعرض الحالات في إحاطات للبعثات الدبلوماسية وهيئات الأمم المتحدة.",
                            "نتابع مع العائلات قضايا الغرامات والاعتراضات القانونية.",
                        ],
                    ),
                    ("cta", "اقرأ قصص العائلات التي فقدت بيوتها.", "القصص", "stories"),
                ],
            },
            "en": {
                "title": "Stop home demolitions in East Jerusalem",
                "summary": (
                    "Jerusalemites' homes are demolished because they were built without permits that are almost "
                    "impossible to obtain. We call on international actors to act to stop demolitions and open the "
                    "way to fair planning."
                ),
                "the_ask": (
                    "That third-country governments and the European Union publicly call on Israel to halt home "
                    "demolitions in East Jerusalem and freeze existing demolition orders, and that the United "
                    "Nations supports documenting and following up every demolition."
                ),
                "body": [
                    ("h2", "Why now"),
                    (
                        "p",
                        "Families in many neighbourhoods are receiving demolition orders, and many are forced to "
                        "demolish their own homes to avoid fines. Every demolished home means children changing "
                        "schools and a family looking for shelter.",
                    ),
                    ("h2", "What we do"),
                    (
                        "ul",
                        [
                            "We document demolitions and demolition orders with the families' consent.",
                            "We present cases in briefings to diplomatic missions and United Nations bodies.",
                            "We follow fines and legal objections with the families.",
                        ],
                    ),
                    ("cta", "Read the stories of families who lost their homes.", "Stories", "stories"),
                ],
            },
            "fr": {
                "title": "Stop aux démolitions de maisons à Jérusalem-Est",
                "summary": (
                    "Les maisons des Hiérosolymitains sont démolies parce qu'elles ont été construites sans des "
                    "permis presque impossibles à obtenir. Nous appelons les acteurs internationaux à agir pour "
                    "arrêter les démolitions et permettre un urbanisme équitable."
                ),
                "the_ask": (
                    "Que les gouvernements d'États tiers et l'Union européenne demandent publiquement à Israël "
                    "d'arrêter les démolitions de maisons à Jérusalem-Est et de geler les ordres de démolition en "
                    "cours, et que les Nations unies soutiennent la documentation et le suivi de chaque démolition."
                ),
                "body": [
                    ("h2", "Pourquoi maintenant"),
                    (
                        "p",
                        "Dans de nombreux quartiers, des familles reçoivent des ordres de démolition, et beaucoup "
                        "sont contraintes de démolir elles-mêmes leur maison pour éviter les amendes. Chaque maison "
                        "démolie, ce sont des enfants qui changent d'école et une famille qui cherche un toit.",
                    ),
                    ("h2", "Ce que nous faisons"),
                    (
                        "ul",
                        [
                            "Nous documentons les démolitions et les ordres de démolition, avec l'accord des familles.",
                            "Nous présentons les cas lors de réunions d'information avec des missions diplomatiques "
                            "et des organes des Nations unies.",
                            "Nous suivons avec les familles les amendes et les recours juridiques.",
                        ],
                    ),
                    ("cta", "Lisez les témoignages des familles qui ont perdu leur maison.", "Témoignages", "stories"),
                ],
            },
        },
    },
    {
        "slug": "residency-is-a-right",
        "status": "active",
        "start_date": datetime.date(2023, 10, 15),
        "end_date": None,
        "audiences": ["eu", "un", "ngos"],
        "related_stories": ["coming-back-to-the-old-city", "a-child-without-a-number-in-ras-al-amud"],
        "image": "campaign-residency",
        "text": {
            "ar": {
                "title": "الإقامة حق لا امتياز",
                "summary": (
                    "يعيش المقدسيون الفلسطينيون بإقامة يمكن سحبها في أي وقت. تطالب الحملة بإنهاء سياسة إلغاء "
                    "الإقامات وتجميد لمّ الشمل."
                ),
                "the_ask": (
                    "أن يطالب الاتحاد الأوروبي وهيئات الأمم المتحدة بوقف إلغاء إقامات المقدسيين، وإعادة الإقامات "
                    "الملغاة، ورفع التجميد عن طلبات لمّ الشمل وتسجيل الأطفال."
                ),
                "body": [
                    (
                        "p",
                        'الإقامة الدائمة ليست مواطنة، ويمكن أن تُلغى إذا عجز صاحبها عن إثبات أن القدس "مركز '
                        'حياته". وقد فقد آلاف المقدسيين حقهم في العيش في مدينتهم بهذه الطريقة.',
                    ),
                    ("quote", "لم أهاجر. ذهبت لأتعلم ثم عدت إلى بيتي.", "رنا، من البلدة القديمة"),
                    ("cta", "اقرأ شهادات عن إلغاء الإقامة وتسجيل الأطفال.", "القصص", "stories"),
                ],
            },
            "en": {
                "title": "Residency is a right, not a privilege",
                "summary": (
                    "Palestinian Jerusalemites live on a residency status that can be taken away at any time. The "
                    "campaign calls for an end to residency revocations and to the freeze on family unification."
                ),
                "the_ask": (
                    "That the European Union and United Nations bodies call for an end to the revocation of "
                    "Jerusalemites' residency, the restoration of revoked residencies, and the lifting of the freeze "
                    "on family unification and child registration requests."
                ),
                "body": [
                    (
                        "p",
                        "Permanent residency is not citizenship: it can be revoked if its holder cannot prove that "
                        'Jerusalem is their "centre of life". Thousands of Jerusalemites have lost the right to '
                        "live in their city this way.",
                    ),
                    ("quote", "I didn't emigrate. I went to study and came home.", "Rana, from the Old City"),
                    ("cta", "Read accounts of residency revocation and child registration.", "Stories", "stories"),
                ],
            },
            "fr": {
                "title": "La résidence est un droit, pas un privilège",
                "summary": (
                    "Les Palestiniens de Jérusalem vivent avec un statut de résident qui peut leur être retiré à "
                    "tout moment. La campagne demande la fin des révocations et du gel du regroupement familial."
                ),
                "the_ask": (
                    "Que l'Union européenne et les organes des Nations unies demandent la fin des révocations de "
                    "résidence des Hiérosolymitains, le rétablissement des résidences révoquées et la levée du gel "
                    "des demandes de regroupement familial et d'enregistrement des enfants."
                ),
                "body": [
                    (
                        "p",
                        "La résidence permanente n'est pas la citoyenneté : elle peut être révoquée si son titulaire "
                        "ne prouve pas que Jérusalem est son « centre de vie ». Des milliers de Hiérosolymitains ont "
                        "ainsi perdu le droit de vivre dans leur ville.",
                    ),
                    (
                        "quote",
                        "Je n'ai pas émigré. Je suis partie étudier et je suis rentrée chez moi.",
                        "Rana, de la Vieille ville",
                    ),
                    (
                        "cta",
                        "Lisez des témoignages sur la révocation de la résidence et l'enregistrement des enfants.",
                        "Témoignages",
                        "stories",
                    ),
                ],
            },
        },
    },
    {
        "slug": "we-stay-in-our-homes",
        "status": "closed",
        "start_date": datetime.date(2021, 5, 1),
        "end_date": datetime.date(2022, 12, 31),
        "audiences": ["third-party-governments", "media", "public"],
        "related_stories": ["the-keys-of-sheikh-jarrah", "cracks-in-the-walls-of-silwan"],
        "image": "campaign-sheikh-jarrah",
        "text": {
            "ar": {
                "title": "باقون في بيوتنا: الشيخ جراح وسلوان",
                "summary": (
                    "حملة تضامن مع العائلات المهددة بالإخلاء في الشيخ جراح وسلوان، نقلت شهاداتهم إلى الإعلام والحكومات."
                ),
                "the_ask": (
                    "أن تطالب الحكومات علنًا بوقف إخلاء العائلات الفلسطينية من بيوتها في الشيخ جراح وسلوان، وأن "
                    "تتابع بعثاتها الدبلوماسية جلسات المحاكم."
                ),
                "body": [
                    (
                        "p",
                        "رافقت الحملة العائلات في جلسات المحاكم، ونظمت زيارات لدبلوماسيين وصحفيين، ونشرت شهادات "
                        "بموافقة أصحابها.",
                    ),
                    ("h2", "ما الذي تحقق"),
                    (
                        "p",
                        "حضرت بعثات دبلوماسية عدة جلسات المحاكم، وتأجلت إخلاءات كانت وشيكة. لكن الدعاوى ما زالت "
                        "قائمة، ونواصل متابعتها في حملاتنا الأخرى.",
                    ),
                ],
            },
            "en": {
                "title": "We stay in our homes: Sheikh Jarrah and Silwan",
                "summary": (
                    "A solidarity campaign with families threatened with eviction in Sheikh Jarrah and Silwan, "
                    "which carried their accounts to the media and to governments."
                ),
                "the_ask": (
                    "That governments publicly call for a halt to the eviction of Palestinian families from their "
                    "homes in Sheikh Jarrah and Silwan, and that their diplomatic missions attend the court hearings."
                ),
                "body": [
                    (
                        "p",
                        "The campaign accompanied families to court hearings, organised visits for diplomats and "
                        "journalists, and published accounts with the consent of those who gave them.",
                    ),
                    ("h2", "What it achieved"),
                    (
                        "p",
                        "Several diplomatic missions attended hearings, and imminent evictions were postponed. But "
                        "the lawsuits are still pending, and we keep following them in our other campaigns.",
                    ),
                ],
            },
        },
    },
    {
        "slug": "fair-planning-for-east-jerusalem",
        "status": "active",
        "start_date": datetime.date(2025, 1, 20),
        "end_date": None,
        "audiences": ["un", "eu", "ngos"],
        "related_stories": [
            "land-without-a-permit-in-jabal-al-mukabbir",
            "a-park-on-family-land-in-at-tur",
            "a-workshop-in-wadi-al-joz",
            "a-road-through-beit-safafa",
        ],
        "image": "campaign-planning",
        "text": {
            "ar": {
                "title": "تخطيط عادل للقدس الشرقية",
                "summary": (
                    "المخططات الهيكلية في القدس الشرقية تضيّق على الأحياء الفلسطينية وتصادر أرضها باسم الحدائق "
                    "والطرق والمشاريع. نطالب بتخطيط يشارك فيه الأهالي ويلبي حاجاتهم."
                ),
                "the_ask": (
                    "أن تطلب الأمم المتحدة والاتحاد الأوروبي من إسرائيل وقف المخططات التمييزية ومصادرة الأراضي في "
                    "القدس الشرقية، وضمان مشاركة الأهالي الفعلية في التخطيط لأحيائهم."
                ),
                "body": [
                    (
                        "p",
                        "من جبل المكبر إلى الطور ووادي الجوز وبيت صفافا، تتكرر القصة: أرض مصنفة منطقة خضراء أو "
                        "حديقة وطنية أو طريقًا، وأهالٍ لا يستطيعون البناء أو العمل على أرضهم.",
                    ),
                    ("h2", "مطالبنا"),
                    (
                        "ul",
                        [
                            "مخططات هيكلية تسمح بالبناء السكني بقدر حاجة الأحياء.",
                            "وقف إعلان الحدائق الوطنية على أراضٍ فلسطينية خاصة.",
                            "بدائل حقيقية لأصحاب المصالح المهددة بالإخلاء.",
                        ],
                    ),
                    ("cta", "تعرّف على عمل وحدة المناصرة المجتمعية مع الأهالي.", "وحدات المركز", "units"),
                ],
            },
            "en": {
                "title": "Fair planning for East Jerusalem",
                "summary": (
                    "Outline plans in East Jerusalem hem in Palestinian neighbourhoods and take their land in the "
                    "name of parks, roads and projects. We call for planning that involves residents and meets "
                    "their needs."
                ),
                "the_ask": (
                    "That the United Nations and the European Union ask Israel to stop discriminatory plans and land "
                    "confiscation in East Jerusalem, and to guarantee residents a real say in planning their "
                    "neighbourhoods."
                ),
                "body": [
                    (
                        "p",
                        "From Jabal al-Mukabbir to at-Tur, Wadi al-Joz and Beit Safafa, the story repeats itself: "
                        "land zoned as green space, national park or road, and residents who cannot build or work "
                        "on their own land.",
                    ),
                    ("h2", "Our demands"),
                    (
                        "ul",
                        [
                            "Outline plans that allow as much housing as the neighbourhoods need.",
                            "No more national parks declared on private Palestinian land.",
                            "Real alternatives for businesses threatened with eviction.",
                        ],
                    ),
                    ("cta", "Learn how the Community Advocacy Unit works with residents.", "Our units", "units"),
                ],
            },
        },
    },
]
