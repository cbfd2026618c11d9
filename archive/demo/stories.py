"""Demo stories: invented, anonymised accounts built on the situations families in East Jerusalem face.

Nobody in these stories is a real person; the names are the kind of kunya or first
name the unit uses when it anonymises an account. Arabic is the source text, every
story has an English translation, a few have a French one. The last two stories
have consent pending, so they stay drafts: they show the consent rule at work.

Block tuples as in ``site``.
"""

import datetime

GRANTED = "granted"
PENDING = "pending"

STORIES = [
    {
        "slug": "a-home-in-al-bustan",
        "date": datetime.date(2024, 2, 12),
        "neighbourhood": "al-bustan",
        "violation_types": ["home-demolition", "building-permit-denial"],
        "image": "story-al-bustan",
        "consent": {"status": GRANTED, "recorded_on": datetime.date(2024, 3, 5), "method": "written"},
        "text": {
            "ar": {
                "title": "بيت في البستان",
                "summary": (
                    "بنت عائلة أم محمد بيتها على أرض العائلة في حي البستان بسلوان بعد سنوات من محاولة الحصول على "
                    "رخصة. في فجر يوم شتوي هُدم البيت، ووجدت العائلة نفسها تبحث عن شقة للإيجار."
                ),
                "body": [
                    (
                        "p",
                        "تقول أم محمد إن العائلة تقدمت بطلب رخصة بناء أكثر من مرة، لكن الطلب كان يُرفض لأن المنطقة "
                        "مخصصة في مخططات البلدية لحديقة عامة. ومع ضيق البيت القديم على ستة أفراد، بنت العائلة "
                        "طابقًا صغيرًا على أرضها.",
                    ),
                    ("h2", "صباح الهدم"),
                    (
                        "p",
                        "وصلت الجرافات قبل شروق الشمس. لم يُسمح للعائلة إلا بإخراج القليل من أغراضها، وبقيت كتب "
                        "الأطفال المدرسية تحت الركام.",
                    ),
                    (
                        "quote",
                        "كنا نعرف أن أمر الهدم صدر، لكنك لا تصدّق أنه سيُنفَّذ حتى ترى الجرافة أمام الباب.",
                        "أم محمد",
                    ),
                    ("h2", "بعد الهدم"),
                    (
                        "p",
                        "تسكن العائلة اليوم في شقة مستأجرة في حي آخر، وتدفع إيجارًا يثقل دخلها، ويقطع الأطفال "
                        "مسافة أطول إلى مدارسهم. تتابع وحدة الخدمات القانونية الغرامات المفروضة على العائلة.",
                    ),
                ],
            },
            "en": {
                "title": "A home in al-Bustan",
                "summary": (
                    "Umm Mohammad's family built their home on family land in al-Bustan, Silwan, after years of "
                    "trying to obtain a permit. It was demolished at dawn one winter day, and the family found "
                    "themselves looking for a flat to rent."
                ),
                "body": [
                    (
                        "p",
                        "Umm Mohammad says the family applied for a building permit more than once, but every "
                        "application was refused because municipal plans set the area aside as a public park. With "
                        "the old house too small for six people, the family built a small floor on their own land.",
                    ),
                    ("h2", "The morning of the demolition"),
                    (
                        "p",
                        "The bulldozers arrived before sunrise. The family was allowed to take out only a few of "
                        "their belongings; the children's schoolbooks stayed under the rubble.",
                    ),
                    (
                        "quote",
                        "We knew the demolition order had been issued, but you don't believe it will happen until "
                        "you see the bulldozer at the door.",
                        "Umm Mohammad",
                    ),
                    ("h2", "After the demolition"),
                    (
                        "p",
                        "Today the family lives in a rented flat in another neighbourhood, paying a rent that weighs "
                        "on their income, and the children travel further to school. The Legal Services Unit is "
                        "following up the fines imposed on the family.",
                    ),
                ],
            },
            "fr": {
                "title": "Une maison à al-Bustan",
                "summary": (
                    "La famille d'Oum Mohammad avait construit sa maison sur un terrain familial à al-Bustan, dans "
                    "le quartier de Silwan, après des années de demandes de permis. Elle a été démolie un matin "
                    "d'hiver, à l'aube, et la famille a dû chercher un appartement à louer."
                ),
                "body": [
                    (
                        "p",
                        "Oum Mohammad raconte que la famille a demandé un permis de construire à plusieurs reprises, "
                        "toujours refusé parce que les plans municipaux réservent la zone à un jardin public. La "
                        "vieille maison étant trop petite pour six personnes, la famille a bâti un petit étage sur "
                        "son propre terrain.",
                    ),
                    ("h2", "Le matin de la démolition"),
                    (
                        "p",
                        "Les bulldozers sont arrivés avant le lever du soleil. La famille n'a pu sortir que quelques "
                        "affaires ; les livres d'école des enfants sont restés sous les décombres.",
                    ),
                    (
                        "quote",
                        "Nous savions que l'ordre de démolition avait été émis, mais on n'y croit pas tant qu'on ne "
                        "voit pas le bulldozer devant la porte.",
                        "Oum Mohammad",
                    ),
                    ("h2", "Après la démolition"),
                    (
                        "p",
                        "La famille vit aujourd'hui dans un appartement loué dans un autre quartier, avec un loyer "
                        "qui pèse sur ses revenus, et les enfants font un plus long trajet pour aller à l'école. "
                        "L'Unité des services juridiques suit le dossier des amendes imposées à la famille.",
                    ),
                ],
            },
        },
    },
    {
        "slug": "the-keys-of-sheikh-jarrah",
        "date": datetime.date(2023, 9, 20),
        "neighbourhood": "sheikh-jarrah",
        "violation_types": ["forced-displacement", "property-confiscation"],
        "image": "story-sheikh-jarrah",
        "consent": {"status": GRANTED, "recorded_on": datetime.date(2023, 10, 2), "method": "recorded-oral"},
        "text": {
            "ar": {
                "title": "مفاتيح الشيخ جراح",
                "summary": (
                    "لجأت عائلة أبو سامي إلى الشيخ جراح بعد عام 1948، وتعيش في بيتها منذ الخمسينيات. اليوم تواجه "
                    "دعوى إخلاء ترفعها جمعية استيطانية تدّعي ملكية الأرض."
                ),
                "body": [
                    (
                        "p",
                        "يحتفظ أبو سامي بمفتاحين: مفتاح بيت العائلة الذي هُجّرت منه عام 1948، ومفتاح البيت الذي "
                        "تسكنه العائلة في الشيخ جراح منذ عقود. يخشى أن يصبح الثاني مثل الأول.",
                    ),
                    ("image", "detail-keys", "مفتاحان لبيتين: الأول من عام 1948 والثاني من الشيخ جراح."),
                    ("h2", "قانون يعمل في اتجاه واحد"),
                    (
                        "p",
                        "يسمح القانون الإسرائيلي لجمعيات استيطانية بالمطالبة بأملاك تقول إنها كانت ليهود قبل عام "
                        "1948، بينما لا يسمح لأبو سامي وأمثاله باسترداد بيوتهم التي هُجّروا منها في الجهة الأخرى "
                        "من المدينة.",
                    ),
                    ("quote", "لا أطلب أكثر من أن يكبر أحفادي في البيت الذي كبرت فيه.", "أبو سامي"),
                    (
                        "p",
                        "تنتقل القضية من محكمة إلى أخرى منذ سنوات. تعيش العائلة في قلق دائم، ويتضامن معها الجيران "
                        "الذين يواجه كثير منهم دعاوى مشابهة.",
                    ),
                ],
            },
            "en": {
                "title": "The keys of Sheikh Jarrah",
                "summary": (
                    "Abu Sami's family came to Sheikh Jarrah as refugees after 1948 and has lived in its home since "
                    "the 1950s. Today it faces an eviction lawsuit brought by a settler organisation claiming the land."
                ),
                "body": [
                    (
                        "p",
                        "Abu Sami keeps two keys: the key to the family home they were driven from in 1948, and the "
                        "key to the house the family has lived in in Sheikh Jarrah for decades. He fears the second "
                        "will end up like the first.",
                    ),
                    ("image", "detail-keys", "Two keys to two homes: one from 1948, one from Sheikh Jarrah."),
                    ("h2", "A law that works one way"),
                    (
                        "p",
                        "Israeli law lets settler organisations claim property they say belonged to Jews before "
                        "1948, while Abu Sami and others like him cannot recover the homes they were forced out of "
                        "on the other side of the city.",
                    ),
                    ("quote", "All I ask is that my grandchildren grow up in the house where I grew up.", "Abu Sami"),
                    (
                        "p",
                        "The case has moved from court to court for years. The family lives in constant worry, "
                        "supported by neighbours, many of whom face similar lawsuits.",
                    ),
                ],
            },
            "fr": {
                "title": "Les clés de Cheikh Jarrah",
                "summary": (
                    "Réfugiée après 1948, la famille d'Abou Sami vit dans sa maison de Cheikh Jarrah depuis les "
                    "années 1950. Elle fait aujourd'hui l'objet d'une action en expulsion intentée par une "
                    "organisation de colons qui revendique le terrain."
                ),
                "body": [
                    (
                        "p",
                        "Abou Sami garde deux clés : celle de la maison familiale quittée de force en 1948, et celle "
                        "de la maison de Cheikh Jarrah où la famille vit depuis des décennies. Il craint que la "
                        "seconde ne connaisse le sort de la première.",
                    ),
                    ("image", "detail-keys", "Deux clés pour deux maisons : l'une de 1948, l'autre de Cheikh Jarrah."),
                    ("h2", "Une loi à sens unique"),
                    (
                        "p",
                        "La loi israélienne permet à des organisations de colons de revendiquer des biens qui "
                        "auraient appartenu à des Juifs avant 1948, alors qu'Abou Sami et d'autres ne peuvent pas "
                        "récupérer les maisons qu'ils ont dû quitter de l'autre côté de la ville.",
                    ),
                    (
                        "quote",
                        "Je demande seulement que mes petits-enfants grandissent dans la maison où j'ai grandi.",
                        "Abou Sami",
                    ),
                    (
                        "p",
                        "L'affaire passe d'un tribunal à l'autre depuis des années. La famille vit dans une "
                        "inquiétude permanente, soutenue par des voisins dont beaucoup font face à des procédures "
                        "semblables.",
                    ),
                ],
            },
        },
    },
    {
        "slug": "coming-back-to-the-old-city",
        "date": datetime.date(2022, 11, 8),
        "neighbourhood": "old-city",
        "violation_types": ["residency-revocation"],
        "image": "story-old-city",
        "consent": {"status": GRANTED, "recorded_on": datetime.date(2023, 1, 15), "method": "electronic"},
        "text": {
            "ar": {
                "title": "عودة إلى البلدة القديمة",
                "summary": (
                    "درست رنا وعملت في الخارج بضع سنوات. حين عادت إلى بيت أهلها في البلدة القديمة، أُبلغت أن "
                    'إقامتها في القدس أُلغيت لأن "مركز حياتها" لم يعد في المدينة.'
                ),
                "body": [
                    (
                        "p",
                        "وُلدت رنا في البلدة القديمة وكبرت في أزقتها. سافرت لإكمال دراستها العليا، ثم عملت لفترة "
                        "قصيرة قبل أن تعود. عند تجديد وثائقها اكتشفت أن إقامتها لم تعد سارية.",
                    ),
                    ("h2", 'سياسة "مركز الحياة"'),
                    (
                        "p",
                        'يُطلب من المقدسيين أن يثبتوا باستمرار أن القدس هي "مركز حياتهم"، بفواتير وعقود وشهادات '
                        "مدرسية. ومن يغيب سنوات للدراسة أو العمل قد يفقد حقه في العيش في مدينته. وقد ألغيت بهذه "
                        "الطريقة إقامات آلاف المقدسيين منذ عام 1967.",
                    ),
                    (
                        "quote",
                        "لم أهاجر. ذهبت لأتعلم ثم عدت إلى بيتي. كيف أصبحت غريبة في المدينة التي وُلدت فيها؟",
                        "رنا",
                    ),
                    (
                        "p",
                        "ساعدت وحدة الخدمات القانونية رنا على جمع المستندات وتقديم طلب لاستعادة الإقامة. ما زال "
                        "الطلب قيد الانتظار، وهي لا تستطيع العمل بشكل نظامي أو السفر خلال ذلك.",
                    ),
                ],
            },
            "en": {
                "title": "Coming back to the Old City",
                "summary": (
                    "Rana studied and worked abroad for a few years. When she came back to her parents' home in the "
                    'Old City, she was told her Jerusalem residency had been revoked because her "centre of life" '
                    "was no longer in the city."
                ),
                "body": [
                    (
                        "p",
                        "Rana was born in the Old City and grew up in its alleys. She went abroad for graduate "
                        "studies, then worked for a short time before returning. When she went to renew her papers "
                        "she found that her residency was no longer valid.",
                    ),
                    ("h2", 'The "centre of life" policy'),
                    (
                        "p",
                        'Jerusalemites are required to keep proving that Jerusalem is their "centre of life" with '
                        "bills, leases and school certificates. Anyone who spends years away to study or work can "
                        "lose the right to live in their own city. Thousands of Jerusalemites have lost their "
                        "residency this way since 1967.",
                    ),
                    (
                        "quote",
                        "I didn't emigrate. I went to study and came home. How did I become a stranger in the city "
                        "where I was born?",
                        "Rana",
                    ),
                    (
                        "p",
                        "The Legal Services Unit helped Rana gather documents and apply to have her residency "
                        "restored. The application is still pending; meanwhile she cannot work legally or travel.",
                    ),
                ],
            },
            "fr": {
                "title": "Retour dans la Vieille ville",
                "summary": (
                    "Rana a étudié et travaillé quelques années à l'étranger. De retour chez ses parents dans la "
                    "Vieille ville, elle a appris que son droit de résidence à Jérusalem avait été révoqué, son "
                    "« centre de vie » n'étant plus dans la ville."
                ),
                "body": [
                    (
                        "p",
                        "Rana est née dans la Vieille ville et a grandi dans ses ruelles. Elle est partie faire des "
                        "études supérieures, puis a travaillé un temps avant de rentrer. En voulant renouveler ses "
                        "papiers, elle a découvert que sa résidence n'était plus valable.",
                    ),
                    ("h2", "La politique du « centre de vie »"),
                    (
                        "p",
                        "Les Hiérosolymitains doivent prouver sans cesse que Jérusalem est leur « centre de vie » : "
                        "factures, baux, certificats de scolarité. Partir quelques années pour étudier ou travailler "
                        "peut coûter le droit de vivre dans sa propre ville. Des milliers de Hiérosolymitains ont "
                        "ainsi perdu leur résidence depuis 1967.",
                    ),
                    (
                        "quote",
                        "Je n'ai pas émigré. Je suis partie étudier et je suis rentrée chez moi. Comment suis-je "
                        "devenue une étrangère dans la ville où je suis née ?",
                        "Rana",
                    ),
                    (
                        "p",
                        "L'Unité des services juridiques a aidé Rana à réunir les documents et à demander le "
                        "rétablissement de sa résidence. La demande est toujours en attente ; en attendant, elle ne "
                        "peut ni travailler légalement ni voyager.",
                    ),
                ],
            },
        },
    },
    {
        "slug": "nights-in-al-issawiya",
        "date": datetime.date(2023, 7, 14),
        "neighbourhood": "al-issawiya",
        "violation_types": ["collective-punishment", "excessive-force"],
        "image": "story-issawiya",
        "consent": {"status": GRANTED, "recorded_on": datetime.date(2023, 8, 1), "method": "oral-witnessed"},
        "text": {
            "ar": {
                "title": "ليالي العيسوية",
                "summary": (
                    "يصف أبو خالد، أب لثلاثة أبناء، أسابيع من الاقتحامات الليلية والمخالفات وإغلاق مداخل "
                    "العيسوية، وكيف صار النوم نفسه أمرًا صعبًا على أطفاله."
                ),
                "body": [
                    (
                        "p",
                        "في تلك الأسابيع كانت القوات تدخل البلدة كل ليلة تقريبًا. تُغلق المداخل، وتُحرّر مخالفات "
                        "للسيارات والمحال، ويُستوقف الشبان في الشوارع لساعات.",
                    ),
                    ("h2", "عقاب لا يميّز"),
                    (
                        "p",
                        "لم تكن الإجراءات موجهة إلى شخص بعينه، بل إلى البلدة كلها: التجار والطلاب والعمال وكبار "
                        "السن. احتُجز ابنا أبو خالد مرتين لساعات ثم أُطلق سراحهما دون توجيه أي تهمة.",
                    ),
                    ("quote", "ابني الصغير صار يسألني قبل النوم: هل سيأتون الليلة؟", "أبو خالد"),
                    (
                        "p",
                        "وثّقت الوحدة عشرات الشهادات المشابهة من البلدة، وقدّمتها في إحاطات لدبلوماسيين ومقررين "
                        "خاصين في الأمم المتحدة.",
                    ),
                ],
            },
            "en": {
                "title": "Nights in al-Issawiya",
                "summary": (
                    "Abu Khaled, a father of three, describes weeks of night raids, fines and closed entrances in "
                    "al-Issawiya, and how sleep itself became hard for his children."
                ),
                "body": [
                    (
                        "p",
                        "In those weeks forces entered the village almost every night. Entrances were closed, cars "
                        "and shops were fined, and young men were stopped in the streets for hours.",
                    ),
                    ("h2", "Punishment without distinction"),
                    (
                        "p",
                        "The measures were aimed not at any one person but at the whole village: shopkeepers, "
                        "students, workers and the elderly. Abu Khaled's two sons were held twice for hours and "
                        "released without any charge.",
                    ),
                    ("quote", "My youngest started asking me at bedtime: are they coming tonight?", "Abu Khaled"),
                    (
                        "p",
                        "The unit documented dozens of similar accounts from the village and presented them in "
                        "briefings to diplomats and United Nations special rapporteurs.",
                    ),
                ],
            },
        },
    },
    {
        "slug": "demolishing-our-own-home-in-beit-hanina",
        "date": datetime.date(2024, 6, 3),
        "neighbourhood": "beit-hanina",
        "violation_types": ["home-demolition", "building-permit-denial"],
        "image": "story-beit-hanina",
        "consent": {"status": GRANTED, "recorded_on": datetime.date(2024, 6, 30), "method": "written"},
        "text": {
            "ar": {
                "title": "أن تهدم بيتك بيدك في بيت حنينا",
                "summary": (
                    "بنى أبو يوسف شقة صغيرة لابنه المتزوج فوق بيت العائلة في بيت حنينا. وحين صدر أمر الهدم، "
                    "اضطر إلى هدمها بنفسه ليتجنب تكاليف الهدم والغرامات الباهظة."
                ),
                "body": [
                    (
                        "p",
                        "لم يجد ابن أبو يوسف شقة بإيجار يقدر عليه في الحي، فقررت العائلة البناء فوق بيتها. كلفة "
                        "الرخصة ومتطلباتها كانت أكبر من قدرة العائلة، والفرص ضئيلة في كل الأحوال.",
                    ),
                    ("h2", "الاختيار المستحيل"),
                    (
                        "p",
                        "إذا نفّذت البلدية الهدم، تُحمّل العائلة تكاليفه مع الغرامات. لذلك يلجأ كثير من المقدسيين "
                        'إلى ما يسمى "الهدم الذاتي": استئجار آلة أو العمل بأيديهم لهدم ما بنوه.',
                    ),
                    ("quote", "أصعب من الهدم أن تحمل المطرقة بيدك وابنك يقف أمامك.", "أبو يوسف"),
                    (
                        "p",
                        "يعيش الابن وزوجته اليوم في غرفة داخل بيت العائلة. وما زالت العائلة تسدّد أقساط غرامة "
                        "البناء دون ترخيص.",
                    ),
                ],
            },
            "en": {
                "title": "Demolishing our own home in Beit Hanina",
                "summary": (
                    "Abu Yousef built a small flat for his married son on top of the family house in Beit Hanina. "
                    "When the demolition order came, he had to demolish it himself to avoid the cost of a municipal "
                    "demolition and heavy fines."
                ),
                "body": [
                    (
                        "p",
                        "Abu Yousef's son could not find an affordable flat in the neighbourhood, so the family "
                        "decided to build on top of their house. The cost and requirements of a permit were beyond "
                        "the family's means, and the chances slim in any case.",
                    ),
                    ("h2", "An impossible choice"),
                    (
                        "p",
                        "If the municipality carries out a demolition, the family is billed for it on top of the "
                        'fines. So many Jerusalemites resort to "self-demolition": hiring a machine or using their '
                        "own hands to tear down what they built.",
                    ),
                    (
                        "quote",
                        "Harder than the demolition is holding the hammer yourself with your son standing in front "
                        "of you.",
                        "Abu Yousef",
                    ),
                    (
                        "p",
                        "The son and his wife now live in one room of the family house. The family is still paying "
                        "off the fine for building without a permit.",
                    ),
                ],
            },
        },
    },
    {
        "slug": "the-road-to-school-from-shufat",
        "date": datetime.date(2023, 3, 1),
        "neighbourhood": "shufat",
        "violation_types": ["access-to-services"],
        "image": "story-shufat",
        "consent": {"status": GRANTED, "recorded_on": datetime.date(2023, 3, 20), "method": "recorded-oral"},
        "text": {
            "ar": {
                "title": "الطريق إلى المدرسة من مخيم شعفاط",
                "summary": (
                    "تسكن أم أحمد في مخيم شعفاط خلف الجدار. كل صباح تعبر ابنتها الحاجز إلى مدرستها داخل المدينة، "
                    "ولا تعرف العائلة كم سيستغرق الطريق."
                ),
                "body": [
                    (
                        "p",
                        "يقع المخيم داخل حدود بلدية القدس، ويحمل معظم سكانه بطاقات الإقامة المقدسية، لكن الجدار "
                        "يفصله عن المدينة. الطريق إلى المدرسة يمر عبر حاجز عسكري.",
                    ),
                    ("h2", "صباحات غير متوقعة"),
                    (
                        "p",
                        "في بعض الأيام تعبر ابنتها لين الحاجز في دقائق، وفي أيام أخرى تنتظر ساعة أو أكثر، وأحيانًا يُغلق "
                        "الحاجز فتعود إلى البيت. وتعاني المنطقة أيضًا من ضعف خدمات النظافة والمياه والطرق رغم أن "
                        "سكانها يدفعون الضرائب.",
                    ),
                    ("quote", "أودّعها كل صباح وكأنها مسافرة، ولا أرتاح حتى تتصل وتقول إنها وصلت.", "أم أحمد"),
                    (
                        "p",
                        "تطالب لجان الأهالي منذ سنوات بمعابر آمنة للطلاب وبخدمات مساوية لما تحصل عليه بقية "
                        "أحياء المدينة.",
                    ),
                ],
            },
            "en": {
                "title": "The road to school from Shu'fat camp",
                "summary": (
                    "Umm Ahmad lives in Shu'fat refugee camp, behind the wall. Every morning her daughter crosses "
                    "the checkpoint to her school in the city, and the family never knows how long the journey will "
                    "take."
                ),
                "body": [
                    (
                        "p",
                        "The camp lies inside Jerusalem's municipal boundary and most of its residents hold "
                        "Jerusalem residency cards, but the wall cuts it off from the city. The way to school goes "
                        "through a military checkpoint.",
                    ),
                    ("h2", "Unpredictable mornings"),
                    (
                        "p",
                        "Some days her daughter Lina crosses in minutes; on others she waits an hour or more, "
                        "and sometimes the checkpoint is closed and she goes home. The area also suffers from poor "
                        "rubbish collection, water supply and roads, although its residents pay taxes.",
                    ),
                    (
                        "quote",
                        "I say goodbye every morning as if she were going on a journey, and I can't rest until she "
                        "calls to say she has arrived.",
                        "Umm Ahmad",
                    ),
                    (
                        "p",
                        "Residents' committees have been demanding safe crossings for pupils and services equal to "
                        "those of the city's other neighbourhoods for years.",
                    ),
                ],
            },
            "fr": {
                "title": "Le chemin de l'école depuis le camp de Chouafat",
                "summary": (
                    "Oum Ahmad vit dans le camp de réfugiés de Chouafat, derrière le mur. Chaque matin, sa fille "
                    "franchit le checkpoint pour aller à l'école en ville, sans que la famille sache combien de "
                    "temps prendra le trajet."
                ),
                "body": [
                    (
                        "p",
                        "Le camp se trouve dans les limites municipales de Jérusalem et la plupart de ses habitants "
                        "ont une carte de résident de Jérusalem, mais le mur le sépare de la ville. Le chemin de "
                        "l'école passe par un checkpoint militaire.",
                    ),
                    ("h2", "Des matins imprévisibles"),
                    (
                        "p",
                        "Certains jours, sa fille Lina passe en quelques minutes ; d'autres, elle attend une "
                        "heure ou plus, et parfois le checkpoint est fermé et elle rentre à la maison. Le secteur "
                        "souffre aussi d'un ramassage des ordures, d'un approvisionnement en eau et de routes "
                        "défaillants, alors que ses habitants paient des impôts.",
                    ),
                    (
                        "quote",
                        "Je lui dis au revoir chaque matin comme si elle partait en voyage, et je ne suis tranquille "
                        "que lorsqu'elle appelle pour dire qu'elle est arrivée.",
                        "Oum Ahmad",
                    ),
                    (
                        "p",
                        "Les comités d'habitants réclament depuis des années des passages sûrs pour les élèves et "
                        "des services égaux à ceux des autres quartiers de la ville.",
                    ),
                ],
            },
        },
    },
    {
        "slug": "land-without-a-permit-in-jabal-al-mukabbir",
        "date": datetime.date(2022, 5, 17),
        "neighbourhood": "jabal-al-mukabbir",
        "violation_types": ["discriminatory-zoning", "building-permit-denial"],
        "image": "story-jabal-al-mukabbir",
        "consent": {"status": GRANTED, "recorded_on": datetime.date(2022, 6, 10), "method": "written"},
        "text": {
            "ar": {
                "title": "أرض بلا رخصة في جبل المكبر",
                "summary": (
                    'يملك أبو رامي قطعة أرض ورثها عن أبيه في جبل المكبر، لكنها مصنفة "منطقة خضراء مفتوحة" لا '
                    "يجوز البناء فيها. أبناؤه الثلاثة غادروا الحي بحثًا عن سكن."
                ),
                "body": [
                    (
                        "p",
                        "تفتقر أجزاء واسعة من الأحياء الفلسطينية في القدس إلى مخططات هيكلية مصادق عليها تسمح "
                        "بالبناء، وتُصنَّف مساحات كبيرة منها مناطق خضراء أو مفتوحة. والنتيجة أن البناء المرخّص "
                        "شبه مستحيل.",
                    ),
                    ("h2", "أرض للعائلة ولا بيت عليها"),
                    (
                        "p",
                        "قدّم أبو رامي طلبًا لتغيير تصنيف أرضه، ودفع أتعاب مهندسين ومخططين، ثم رُفض الطلب بعد "
                        "سنوات من الانتظار.",
                    ),
                    ("quote", "الأرض أمام عيني، وأبنائي يدفعون الإيجار في مكان آخر.", "أبو رامي"),
                    (
                        "p",
                        "يرى أبو رامي في تصنيف الأرض وسيلة لدفع الشباب إلى الخروج من الحي ومن المدينة. وتعمل وحدة "
                        "المناصرة المجتمعية مع الأهالي على اعتراضات جماعية على المخططات.",
                    ),
                ],
            },
            "en": {
                "title": "Land without a permit in Jabal al-Mukabbir",
                "summary": (
                    "Abu Rami owns a plot he inherited from his father in Jabal al-Mukabbir, but it is zoned as "
                    '"open green space" where building is forbidden. His three sons have left the neighbourhood in '
                    "search of housing."
                ),
                "body": [
                    (
                        "p",
                        "Large parts of Jerusalem's Palestinian neighbourhoods lack approved outline plans that "
                        "allow building, and wide areas are zoned as green or open space. As a result, building "
                        "with a permit is almost impossible.",
                    ),
                    ("h2", "Family land with no home on it"),
                    (
                        "p",
                        "Abu Rami applied to have his land rezoned and paid engineers and planners, only to have "
                        "the application rejected after years of waiting.",
                    ),
                    ("quote", "The land is right in front of me, and my sons pay rent somewhere else.", "Abu Rami"),
                    (
                        "p",
                        "Abu Rami sees the zoning as a way of pushing young people out of the neighbourhood and the "
                        "city. The Community Advocacy Unit is working with residents on collective objections to "
                        "the plans.",
                    ),
                ],
            },
        },
    },
    {
        "slug": "a-child-without-a-number-in-ras-al-amud",
        "date": datetime.date(2024, 1, 22),
        "neighbourhood": "ras-al-amud",
        "violation_types": ["access-to-services", "residency-revocation"],
        "image": "story-ras-al-amud",
        "consent": {"status": GRANTED, "recorded_on": datetime.date(2024, 2, 14), "method": "electronic"},
        "text": {
            "ar": {
                "title": "طفل بلا رقم في رأس العامود",
                "summary": (
                    "سلمى من الضفة الغربية وزوجها مقدسي. منذ ولادة طفلهما تحاول العائلة تسجيله في القدس، وحتى "
                    "يحدث ذلك يبقى بلا رقم هوية ولا تأمين صحي."
                ),
                "body": [
                    (
                        "p",
                        "تزوجت سلمى قبل سنوات وانتقلت إلى رأس العامود. طلبات لمّ الشمل مجمّدة إلى حد بعيد، "
                        "فتعيش بتصاريح مؤقتة. وحين وُلد طفلها، بدأ مسار طويل لإثبات أن العائلة تعيش فعلًا في القدس.",
                    ),
                    ("h2", "حياة معلّقة على ورقة"),
                    (
                        "p",
                        "من دون تسجيل، لا يحصل الطفل على التأمين الصحي الوطني، وتدفع العائلة تكلفة التطعيمات "
                        "والزيارات الطبية كاملة. وقد يتعذر تسجيله لاحقًا في المدرسة.",
                    ),
                    ("image", "detail-papers", "مستندات تطلبها الدوائر لإثبات أن العائلة تعيش في القدس."),
                    ("quote", "كل مرة يطلبون ورقة جديدة. ابني يكبر، والملف لا يتحرك.", "سلمى"),
                    (
                        "p",
                        "تتابع وحدة الخدمات القانونية الملف، وقد أدرجته وحدة المناصرة الدولية ضمن حملتها حول الإقامة.",
                    ),
                ],
            },
            "en": {
                "title": "A child without a number in Ras al-Amud",
                "summary": (
                    "Salma is from the West Bank and her husband is a Jerusalemite. Since their son was born the "
                    "family has been trying to register him in Jerusalem; until then he has no ID number and no "
                    "health insurance."
                ),
                "body": [
                    (
                        "p",
                        "Salma married years ago and moved to Ras al-Amud. Family unification requests are largely "
                        "frozen, so she lives on temporary permits. When her son was born, a long process began to "
                        "prove that the family really lives in Jerusalem.",
                    ),
                    ("h2", "A life hanging on a piece of paper"),
                    (
                        "p",
                        "Without registration the child gets no national health insurance; the family pays the full "
                        "cost of vaccinations and doctor's visits, and enrolling him in school may be difficult later.",
                    ),
                    (
                        "image",
                        "detail-papers",
                        "Documents the authorities ask for to prove that a family lives in Jerusalem.",
                    ),
                    (
                        "quote",
                        "Every time they ask for another document. My son is growing up and the file doesn't move.",
                        "Salma",
                    ),
                    (
                        "p",
                        "The Legal Services Unit is following the file, and the International Advocacy Unit has "
                        "included it in its residency campaign.",
                    ),
                ],
            },
        },
    },
    {
        "slug": "a-park-on-family-land-in-at-tur",
        "date": datetime.date(2021, 10, 5),
        "neighbourhood": "at-tur",
        "violation_types": ["property-confiscation", "discriminatory-zoning"],
        "image": "story-at-tur",
        "consent": {"status": GRANTED, "recorded_on": datetime.date(2021, 11, 12), "method": "oral-witnessed"},
        "text": {
            "ar": {
                "title": "حديقة على أرض العائلة في الطور",
                "summary": (
                    'زرعت عائلة أبو عماد أشجار الزيتون على سفح جبل الطور منذ أجيال. ثم أُعلنت المنطقة "حديقة '
                    'وطنية"، وصار الوصول إلى الأشجار يحتاج إذنًا.'
                ),
                "body": [
                    (
                        "p",
                        "تُستخدم الحدائق الوطنية حول البلدة القديمة لتقييد البناء الفلسطيني والسيطرة على الأرض، "
                        "حتى حين تبقى ملكيتها مسجلة لأصحابها.",
                    ),
                    ("image", "detail-olive", "شجرة زيتون قديمة من أشجار العائلة."),
                    ("h2", "موسم قطاف مختلف"),
                    (
                        "p",
                        "وُضع سياج حول جزء من الأرض، ومُنعت العائلة من حرثها أو بناء جدار استنادي. في موسم القطاف "
                        "تحتاج العائلة إلى تنسيق مسبق، وقد يُرفض.",
                    ),
                    ("quote", "جدي زرع هذه الأشجار. اليوم أحتاج إذنًا لأقطف زيتونها.", "أبو عماد"),
                    (
                        "p",
                        "قدمت العائلة اعتراضًا على المخطط بمساعدة الوحدة القانونية، وما زالت تنتظر.",
                    ),
                ],
            },
            "en": {
                "title": "A park on family land in at-Tur",
                "summary": (
                    "Abu Imad's family has grown olive trees on the slopes of at-Tur for generations. Then the area "
                    'was declared a "national park", and reaching the trees now requires permission.'
                ),
                "body": [
                    (
                        "p",
                        "National parks around the Old City are used to restrict Palestinian building and to take "
                        "control of land, even where ownership remains registered to the owners.",
                    ),
                    ("image", "detail-olive", "An old olive tree, one of the family's."),
                    ("h2", "A different harvest"),
                    (
                        "p",
                        "A fence went up around part of the land, and the family was barred from ploughing it or "
                        "building a retaining wall. At harvest time they need prior coordination, which can be "
                        "refused.",
                    ),
                    (
                        "quote",
                        "My grandfather planted these trees. Today I need permission to pick their olives.",
                        "Abu Imad",
                    ),
                    (
                        "p",
                        "With help from the Legal Services Unit the family filed an objection to the plan and is "
                        "still waiting.",
                    ),
                ],
            },
        },
    },
    {
        "slug": "a-workshop-in-wadi-al-joz",
        "date": datetime.date(2023, 5, 9),
        "neighbourhood": "wadi-al-joz",
        "violation_types": ["property-confiscation", "discriminatory-zoning"],
        "image": "story-wadi-al-joz",
        "consent": {"status": GRANTED, "recorded_on": datetime.date(2023, 6, 1), "method": "written"},
        "text": {
            "ar": {
                "title": "ورشة في وادي الجوز",
                "summary": (
                    "منذ ثلاثين عامًا يصلح أبو نادر السيارات في المنطقة الصناعية بوادي الجوز. مخطط بلدي جديد "
                    "للمنطقة يهدد ورشته ومصدر رزق عائلته."
                ),
                "body": [
                    (
                        "p",
                        "المنطقة الصناعية في وادي الجوز من آخر أماكن العمل الكبيرة للمقدسيين في وسط المدينة، وفيها "
                        "عشرات الورش والمحال الصغيرة.",
                    ),
                    ("h2", "مخطط لم يُسأل عنه أحد"),
                    (
                        "p",
                        "يقترح المخطط الجديد تحويل المنطقة إلى مجمّع للأعمال والتكنولوجيا. تلقّى أصحاب الورش "
                        "إشعارات بالإخلاء، ولم يُعرض عليهم مكان بديل يستطيعون العمل فيه.",
                    ),
                    ("quote", "هذه الورشة أطعمت ثلاثة بيوت. إلى أين نذهب بمعدّاتنا؟", "أبو نادر"),
                    (
                        "p",
                        "نظّم أصحاب الورش لقاءات مشتركة بدعم من وحدة المناصرة المجتمعية، وقدموا اعتراضات على المخطط.",
                    ),
                ],
            },
            "en": {
                "title": "A workshop in Wadi al-Joz",
                "summary": (
                    "Abu Nader has repaired cars in the Wadi al-Joz industrial area for thirty years. A new municipal "
                    "plan for the area threatens his workshop and his family's livelihood."
                ),
                "body": [
                    (
                        "p",
                        "The Wadi al-Joz industrial area is one of the last large workplaces for Jerusalemites in "
                        "the centre of the city, with dozens of workshops and small shops.",
                    ),
                    ("h2", "A plan nobody was asked about"),
                    (
                        "p",
                        "The new plan proposes turning the area into a business and technology hub. Workshop owners "
                        "received eviction notices, and were offered no alternative place where they could work.",
                    ),
                    ("quote", "This workshop fed three households. Where do we go with our tools?", "Abu Nader"),
                    (
                        "p",
                        "With support from the Community Advocacy Unit the workshop owners organised joint meetings "
                        "and submitted objections to the plan.",
                    ),
                ],
            },
        },
    },
    {
        "slug": "buildings-by-the-wall-in-sur-baher",
        "date": datetime.date(2020, 2, 18),
        "neighbourhood": "sur-baher",
        "violation_types": ["home-demolition", "forced-displacement"],
        "image": "story-sur-baher",
        "consent": {"status": GRANTED, "recorded_on": datetime.date(2020, 4, 2), "method": "recorded-oral"},
        "text": {
            "ar": {
                "title": "بنايات قرب الجدار في صور باهر",
                "summary": (
                    "ادّخرت أم علاء وزوجها سنوات لشراء شقة في بناية جديدة على أطراف صور باهر. هُدمت البناية "
                    "بذريعة قربها من الجدار، قبل أن يسكنوها."
                ),
                "body": [
                    (
                        "p",
                        "بُنيت البناية على أرض قريبة من مسار الجدار، حيث يمنع أمر عسكري البناء في شريط واسع على "
                        "جانبيه، حتى حين تكون الأرض خارج حدود البلدية.",
                    ),
                    ("h2", "مدخرات العمر"),
                    (
                        "p",
                        "دفعت العائلة ثمن الشقة على أقساط، وكانت تستعد للانتقال إليها. في يوم الهدم وقف السكان "
                        "على التلة المقابلة يشاهدون بيوتهم تنهار.",
                    ),
                    ("quote", "لم ننم في الشقة ليلة واحدة، لكننا دفعنا ثمنها كاملًا.", "أم علاء"),
                    (
                        "p",
                        "تعيش العائلة اليوم مع أهل الزوج. وقد عرضت وحدة المناصرة الدولية قضايا هذه البنايات على "
                        "بعثات دبلوماسية زارت المكان.",
                    ),
                ],
            },
            "en": {
                "title": "Buildings by the wall in Sur Baher",
                "summary": (
                    "Umm Alaa and her husband saved for years to buy a flat in a new building on the edge of Sur "
                    "Baher. The building was demolished on the grounds that it stood too close to the wall, before "
                    "they ever lived in it."
                ),
                "body": [
                    (
                        "p",
                        "The building stood on land near the route of the wall, where a military order bans "
                        "construction in a wide strip on both sides, even where the land lies outside the municipal "
                        "boundary.",
                    ),
                    ("h2", "A lifetime's savings"),
                    (
                        "p",
                        "The family was paying for the flat in instalments and getting ready to move in. On the day "
                        "of the demolition, residents stood on the opposite hill watching their homes collapse.",
                    ),
                    ("quote", "We never slept a single night in the flat, but we paid for all of it.", "Umm Alaa"),
                    (
                        "p",
                        "The family now lives with the husband's parents. The International Advocacy Unit presented "
                        "the cases of these buildings to diplomatic missions that visited the site.",
                    ),
                ],
            },
        },
    },
    {
        "slug": "a-road-through-beit-safafa",
        "date": datetime.date(2022, 2, 14),
        "neighbourhood": "beit-safafa",
        "violation_types": ["property-confiscation"],
        "image": "story-beit-safafa",
        "consent": {"status": GRANTED, "recorded_on": datetime.date(2022, 3, 10), "method": "written"},
        "text": {
            "ar": {
                "title": "شارع يشق بيت صفافا",
                "summary": (
                    "صودرت أجزاء من أرض عائلة أبو فادي لإنشاء طريق سريع يمر وسط بيت صفافا ويخدم المستوطنات، "
                    "فانقسم الحي وصار عبور الأطفال إلى الجهة الأخرى خطرًا يوميًا."
                ),
                "body": [
                    (
                        "p",
                        'صودرت الأرض تحت بند "المصلحة العامة"، لكن الطريق صُمّم ليربط المستوطنات جنوب المدينة '
                        "بوسطها، لا ليخدم أهل البلدة.",
                    ),
                    ("h2", "حيّ مقسوم"),
                    (
                        "p",
                        "يفصل الطريق بيت أبو فادي عن بيوت أقاربه ومدرسة أبنائه. ويعيش الأهالي مع الضجيج والغبار، "
                        "ومع جسور ومعابر قليلة وبعيدة.",
                    ),
                    ("quote", "كنت أرى بيت أخي من الشباك. اليوم بيننا ستة مسارب من السيارات.", "أبو فادي"),
                    (
                        "p",
                        "اعترض الأهالي على المخطط أمام المحاكم، وحصلوا على تعديلات محدودة لم توقف المشروع.",
                    ),
                ],
            },
            "en": {
                "title": "A road through Beit Safafa",
                "summary": (
                    "Parts of Abu Fadi's family land were expropriated for a highway running through the middle of "
                    "Beit Safafa to serve settlements, splitting the neighbourhood and making every crossing a daily "
                    "danger for children."
                ),
                "body": [
                    (
                        "p",
                        'The land was taken "for public purposes", but the road was designed to link settlements '
                        "south of the city to its centre, not to serve the village's residents.",
                    ),
                    ("h2", "A divided neighbourhood"),
                    (
                        "p",
                        "The road separates Abu Fadi's home from his relatives' houses and his children's school. "
                        "Residents live with noise and dust, and with few, distant bridges and crossings.",
                    ),
                    (
                        "quote",
                        "I used to see my brother's house from the window. Now there are six lanes of traffic "
                        "between us.",
                        "Abu Fadi",
                    ),
                    (
                        "p",
                        "Residents challenged the plan in court and won limited changes that did not stop the project.",
                    ),
                ],
            },
        },
    },
    {
        "slug": "an-evening-at-damascus-gate",
        "date": datetime.date(2023, 4, 18),
        "neighbourhood": "old-city",
        "violation_types": ["excessive-force"],
        "image": "story-damascus-gate",
        "consent": {"status": GRANTED, "recorded_on": datetime.date(2023, 5, 10), "method": "electronic"},
        "text": {
            "ar": {
                "title": "مساء عند باب العامود",
                "summary": (
                    "كان يوسف، طالب جامعي في التاسعة عشرة، يجلس مع أصدقائه على درج باب العامود في إحدى ليالي "
                    "رمضان حين فرّقت الشرطة الجالسين بالقوة."
                ),
                "body": [
                    (
                        "p",
                        "درج باب العامود مكان يلتقي فيه المقدسيون، خصوصًا في ليالي رمضان. في تلك الليلة أُمر "
                        "الجالسون بالمغادرة، ثم دُفعوا وضُربوا قبل أن يتمكن كثيرون منهم من النهوض.",
                    ),
                    ("h2", "ما حدث"),
                    (
                        "p",
                        "دُفع يوسف على الدرج وضُرب بالهراوة على كتفه وظهره. قضى الليلة في قسم الطوارئ، ولم يستطع "
                        "الذهاب إلى الجامعة أسبوعين.",
                    ),
                    ("quote", "لم نكن نفعل شيئًا. كنا نجلس فقط، كما يفعل الناس في كل مدن العالم.", "يوسف"),
                    (
                        "p",
                        "قدّم يوسف شكوى بمساعدة الوحدة القانونية. بعد أشهر أُبلغ بإغلاق الملف دون نتيجة، كما يحدث "
                        "في معظم الشكاوى المشابهة.",
                    ),
                ],
            },
            "en": {
                "title": "An evening at Damascus Gate",
                "summary": (
                    "Yousef, a nineteen-year-old university student, was sitting with friends on the steps of "
                    "Damascus Gate one Ramadan night when police dispersed the crowd by force."
                ),
                "body": [
                    (
                        "p",
                        "The steps of Damascus Gate are a meeting place for Jerusalemites, especially on Ramadan "
                        "nights. That night the people sitting there were ordered to leave, then pushed and beaten "
                        "before many of them could even get up.",
                    ),
                    ("h2", "What happened"),
                    (
                        "p",
                        "Yousef was shoved down the steps and struck with a baton on his shoulder and back. He spent "
                        "the night in the emergency department and could not go to university for two weeks.",
                    ),
                    (
                        "quote",
                        "We weren't doing anything. We were just sitting, like people do in every city in the world.",
                        "Yousef",
                    ),
                    (
                        "p",
                        "Yousef filed a complaint with the help of the Legal Services Unit. Months later he was told "
                        "the file had been closed without result, as happens with most such complaints.",
                    ),
                ],
            },
        },
    },
    # Consent pending: these two stay drafts until consent is recorded as granted.
    {
        "slug": "cracks-in-the-walls-of-silwan",
        "date": datetime.date(2024, 9, 10),
        "neighbourhood": "silwan",
        "violation_types": ["forced-displacement", "property-confiscation"],
        "image": "story-silwan-cracks",
        "consent": {"status": PENDING},
        "text": {
            "ar": {
                "title": "شقوق في جدران سلوان",
                "summary": (
                    "ظهرت شقوق في جدران بيت أبو حسن وأرضيته بعد أعمال حفر تحت الحي. القصة بانتظار موافقة "
                    "العائلة على النشر."
                ),
                "body": [
                    (
                        "p",
                        "يقول أبو حسن إن الشقوق بدأت صغيرة ثم اتسعت خلال أشهر، حتى صار يخشى على أطفاله من النوم في "
                        "إحدى الغرف.",
                    ),
                    ("quote", "نسمع صوت الحفر تحت أقدامنا في الليل.", "أبو حسن"),
                ],
            },
            "en": {
                "title": "Cracks in the walls of Silwan",
                "summary": (
                    "Cracks appeared in the walls and floor of Abu Hassan's home after excavations beneath the "
                    "neighbourhood. The story is waiting for the family's consent to publish."
                ),
                "body": [
                    (
                        "p",
                        "Abu Hassan says the cracks started small and widened over months, until he became afraid to "
                        "let his children sleep in one of the rooms.",
                    ),
                    ("quote", "At night we hear the digging under our feet.", "Abu Hassan"),
                ],
            },
        },
    },
    {
        "slug": "water-cuts-in-shufat-camp",
        "date": datetime.date(2024, 8, 1),
        "neighbourhood": "shufat",
        "violation_types": ["access-to-services"],
        "image": "story-shufat-water",
        "consent": {"status": PENDING},
        "text": {
            "ar": {
                "title": "انقطاع المياه في مخيم شعفاط",
                "summary": (
                    "في صيف حار انقطعت المياه عن بيوت في مخيم شعفاط أيامًا متتالية. القصة بانتظار موافقة صاحبتها "
                    "على النشر."
                ),
                "body": [
                    (
                        "p",
                        "تروي أم رائد كيف كانت العائلات تملأ الأواني من صهاريج تشتريها على حسابها، في منطقة يدفع "
                        "سكانها الضرائب للبلدية.",
                    ),
                ],
            },
            "en": {
                "title": "Water cuts in Shu'fat camp",
                "summary": (
                    "During a hot summer, homes in Shu'fat camp went without water for days on end. The story is "
                    "waiting for its narrator's consent to publish."
                ),
                "body": [
                    (
                        "p",
                        "Umm Raed describes families filling pots from water tankers they paid for themselves, in an "
                        "area whose residents pay municipal taxes.",
                    ),
                ],
            },
        },
    },
]
