"""Demo texts for the Center's three units. Block tuples as in ``site``.

The International Advocacy Unit's page restates the unit's own description of
why it was founded, what it aims for and how it works.
"""

UNITS = [
    {
        "slug": "international-advocacy",
        "founded_year": 2016,
        "text": {
            "ar": {
                "title": "وحدة المناصرة الدولية",
                "summary": (
                    "منذ 2016 ترصد الوحدة انتهاكات حقوق الفلسطينيين في القدس الشرقية وتوثقها، وتحملها إلى "
                    "الحكومات والاتحاد الأوروبي والأمم المتحدة."
                ),
                "mission": (
                    "أن يعيش الفلسطينيون في القدس حياة آمنة كريمة، بإنهاء الإجراءات التي تحرمهم من حقوقهم الأساسية."
                ),
                "founded_reason": [
                    (
                        "p",
                        "احتلت إسرائيل القدس الشرقية عام 1967 وضمّتها ضمًّا غير قانوني، ومنحت سكانها الفلسطينيين "
                        'مكانة "الإقامة الدائمة"، وهي مكانة مدنية أدنى وقابلة للسحب. وتلا ذلك سلسلة من القوانين '
                        "والسياسات التمييزية تخدم هدفين: إبقاء شطري المدينة تحت السيطرة الإسرائيلية، والمحافظة "
                        "على أغلبية يهودية فيها.",
                    ),
                    (
                        "p",
                        "يعيش المقدسيون يوميًا آثار هذه السياسات: إلغاء الإقامات، ورفض تصاريح البناء، ومخططات "
                        "تقسيم المناطق التمييزية، وهدم المنازل، والتهجير القسري، ومصادرة الأملاك، والعقاب "
                        "الجماعي، والاستخدام المفرط للقوة، وتقييد الوصول إلى الخدمات. أُنشئت الوحدة عام 2016 "
                        "استجابةً لهذا الحرمان المتواصل من الحقوق الأساسية.",
                    ),
                ],
                "goals": [
                    (
                        "p",
                        "تعمل الوحدة على كشف السياسات الإسرائيلية غير القانونية تجاه الفلسطينيين في القدس "
                        "وإدانتها والتصدي لها، حتى تنتهي الإجراءات التي تمنعهم من العيش بأمان وكرامة.",
                    ),
                    (
                        "ul",
                        [
                            "التعاون مع المنظمات الحقوقية المحلية والدولية التي تشاركنا رؤية قدسٍ بلا احتلال.",
                            "بناء قاعدة من المناصرين المطّلعين والفاعلين.",
                            "دفع الجهات الدولية المؤثرة – حكومات الدول الثالثة وهيئات الاتحاد الأوروبي والأمم "
                            "المتحدة – إلى منع تنفيذ السياسات التمييزية.",
                        ],
                    ),
                ],
                "how_we_work": [
                    ("h2", "الانخراط مع المجتمع"),
                    (
                        "p",
                        "نبقى على صلة وثيقة بالعائلات عبر زميلاتنا وزملائنا في وحدة الخدمات القانونية ووحدة "
                        "المناصرة المجتمعية. نقرأ الوقائع والشهادات التي نجمعها في ضوء القانون الدولي، ونستخلص "
                        "منها توصيات عملية للجهات الدولية.",
                    ),
                    ("h2", "الرصد والتوثيق وإعداد التقارير"),
                    (
                        "p",
                        "نرصد انتهاكات حقوق الإنسان في القدس الشرقية ونوثقها، ونحلل المعطيات بمنهج قانوني، ونعدّ "
                        "مواد تكشف الانتهاكات وتشرح الواقع الاجتماعي والسياسي والاقتصادي للمقدسيين.",
                    ),
                    ("image", "unit-international", "من التوثيق إلى المناصرة: كل شهادة تبدأ بلقاء مع عائلة."),
                    ("h2", "دعم الناس وبناء الروابط"),
                    (
                        "p",
                        "أصحاب القصص شركاء في استراتيجيتنا. نشجعهم على رواية تجاربهم والمشاركة في حملاتنا، "
                        "ونوفر لهم تدريبًا إعلاميًا ومنتديات تعليمية، وندعم مشاركتهم في جلسات الإحاطة واللجان، "
                        "ونصلهم بمجموعات وشبكات أخرى لبناء استجابة جماعية أقوى.",
                    ),
                    ("h2", "حشد المؤيدين"),
                    (
                        "p",
                        "نطوّر أدوات وأنشطة يستخدمها المؤيدون محليًا ودوليًا للضغط على المؤسسات والأفراد "
                        "القادرين على التغيير، عبر الإعلام الاجتماعي والتقليدي والعمل المجتمعي وكسب التأييد. "
                        "إنه عمل طويل النفس يحتاج إلى تفكير خلّاق واستراتيجي.",
                    ),
                    ("cta", "اطّلع على الحملات التي تقودها الوحدة.", "الحملات", "campaigns"),
                ],
            },
            "en": {
                "title": "International Advocacy Unit",
                "summary": (
                    "Since 2016 the unit has monitored and documented violations of Palestinians' rights in East "
                    "Jerusalem and brought them before governments, the European Union and the United Nations."
                ),
                "mission": (
                    "That Palestinians in Jerusalem can live in safety and dignity, by ending the measures that "
                    "deny them their basic rights."
                ),
                "founded_reason": [
                    (
                        "p",
                        "Israel occupied East Jerusalem in 1967 and annexed it unlawfully. It gave the city's "
                        'Palestinian residents "permanent residency", an inferior and precarious civil status that '
                        "can be taken away, followed by a series of discriminatory laws and policies serving two "
                        "aims: keeping both halves of the city under Israeli control, and preserving a Jewish "
                        "majority in it.",
                    ),
                    (
                        "p",
                        "Jerusalemites live with the effects every day: revoked residencies, denied building "
                        "permits, discriminatory zoning plans, home demolitions, forced displacement, confiscation "
                        "of property, collective punishment, excessive use of force and restricted access to "
                        "services. The unit was set up in 2016 in response to this ongoing denial of basic rights.",
                    ),
                ],
                "goals": [
                    (
                        "p",
                        "The unit exposes, condemns and challenges Israel's unlawful treatment of Palestinians in "
                        "Jerusalem, so that the measures preventing them from living in safety and dignity come to "
                        "an end.",
                    ),
                    (
                        "ul",
                        [
                            "Working with local and international human-rights organisations that share our "
                            "vision of a Jerusalem free of occupation.",
                            "Building a base of informed and active supporters.",
                            "Pressing key international actors – third-country governments, European Union bodies "
                            "and the United Nations – to stop discriminatory policies from being carried out.",
                        ],
                    ),
                ],
                "how_we_work": [
                    ("h2", "Engaging with the community"),
                    (
                        "p",
                        "We stay close to families through our colleagues in the Legal Services Unit and the "
                        "Community Advocacy Unit. We read the facts and accounts we gather through the lens of "
                        "international law, and draw practical recommendations for international actors from them.",
                    ),
                    ("h2", "Monitoring, documenting and reporting"),
                    (
                        "p",
                        "We monitor and document human-rights violations in East Jerusalem, analyse the data with "
                        "legal research, and prepare material that exposes the violations and explains the social, "
                        "political and economic reality of Jerusalemites.",
                    ),
                    (
                        "image",
                        "unit-international",
                        "From documentation to advocacy: every account starts with a meeting with a family.",
                    ),
                    ("h2", "Supporting people and building connections"),
                    (
                        "p",
                        "The people whose stories we tell are partners in our strategy. We encourage them to speak "
                        "about their experience and to take part in our campaigns, offer media training and "
                        "educational forums, support their participation in briefings and committees, and connect "
                        "them with other groups and networks to build a stronger collective response.",
                    ),
                    ("h2", "Mobilising supporters"),
                    (
                        "p",
                        "We develop tools and activities that supporters, locally and abroad, can use to press the "
                        "institutions and people able to make change, through social and mainstream media, "
                        "community action and lobbying. It is long-term work that needs creative, strategic thinking.",
                    ),
                    ("cta", "See the campaigns the unit leads.", "Campaigns", "campaigns"),
                ],
            },
            "fr": {
                "title": "Unité de plaidoyer international",
                "summary": (
                    "Depuis 2016, l'unité surveille et documente les violations des droits des Palestiniens à "
                    "Jérusalem-Est et les porte devant les gouvernements, l'Union européenne et les Nations unies."
                ),
                "mission": (
                    "Que les Palestiniens de Jérusalem puissent vivre en sécurité et dans la dignité, en mettant fin "
                    "aux mesures qui les privent de leurs droits fondamentaux."
                ),
                "founded_reason": [
                    (
                        "p",
                        "Israël a occupé Jérusalem-Est en 1967 et l'a annexée illégalement. Les habitants "
                        "palestiniens ont reçu le statut de « résident permanent », un statut civil inférieur et "
                        "précaire, révocable, suivi d'une série de lois et de politiques discriminatoires au service "
                        "de deux objectifs : maintenir les deux parties de la ville sous contrôle israélien et y "
                        "préserver une majorité juive.",
                    ),
                    (
                        "p",
                        "Les Hiérosolymitains en subissent chaque jour les effets : résidences révoquées, permis de "
                        "construire refusés, plans d'aménagement discriminatoires, démolitions, déplacements forcés, "
                        "confiscations, punitions collectives, usage excessif de la force et accès restreint aux "
                        "services. L'unité a été créée en 2016 pour répondre à ce déni persistant des droits "
                        "fondamentaux.",
                    ),
                ],
                "goals": [
                    (
                        "p",
                        "L'unité dénonce, condamne et conteste le traitement illégal infligé aux Palestiniens de "
                        "Jérusalem, afin de mettre fin aux mesures qui les empêchent de vivre en sécurité et dans "
                        "la dignité.",
                    ),
                    (
                        "ul",
                        [
                            "Travailler avec les organisations de défense des droits humains, locales et "
                            "internationales, qui partagent notre vision d'une Jérusalem libérée de l'occupation.",
                            "Constituer une base de soutiens informés et actifs.",
                            "Amener les acteurs internationaux – gouvernements d'États tiers, institutions de "
                            "l'Union européenne et Nations unies – à empêcher l'application des politiques "
                            "discriminatoires.",
                        ],
                    ),
                ],
                "how_we_work": [
                    ("h2", "Être au plus près des habitants"),
                    (
                        "p",
                        "Nous restons en lien étroit avec les familles grâce à l'Unité des services juridiques et à "
                        "l'Unité de plaidoyer communautaire. Nous analysons les faits et les témoignages recueillis "
                        "au regard du droit international et en tirons des recommandations concrètes pour les "
                        "acteurs internationaux.",
                    ),
                    ("h2", "Surveiller, documenter, rendre compte"),
                    (
                        "p",
                        "Nous surveillons et documentons les violations des droits humains à Jérusalem-Est, "
                        "analysons les données sur une base juridique et publions des documents qui exposent les "
                        "violations et décrivent la réalité sociale, politique et économique des Hiérosolymitains.",
                    ),
                    (
                        "image",
                        "unit-international",
                        "De la documentation au plaidoyer : chaque témoignage commence par une rencontre.",
                    ),
                    ("h2", "Soutenir les personnes et créer des liens"),
                    (
                        "p",
                        "Les personnes dont nous racontons l'histoire sont partenaires de notre stratégie. Nous les "
                        "encourageons à témoigner et à participer à nos campagnes, proposons formations aux médias "
                        "et forums éducatifs, soutenons leur participation aux réunions d'information et aux "
                        "commissions, et les mettons en relation avec d'autres groupes et réseaux.",
                    ),
                    ("h2", "Mobiliser les soutiens"),
                    (
                        "p",
                        "Nous concevons des outils et des actions que nos soutiens, ici et ailleurs, peuvent utiliser "
                        "pour interpeller les institutions et les personnes capables de faire changer les choses : "
                        "médias sociaux et traditionnels, action communautaire, plaidoyer. C'est un travail de "
                        "longue haleine qui demande créativité et stratégie.",
                    ),
                    ("cta", "Découvrez les campagnes menées par l'unité.", "Campagnes", "campaigns"),
                ],
            },
        },
    },
    {
        "slug": "community-advocacy",
        "founded_year": None,
        "text": {
            "ar": {
                "title": "وحدة المناصرة المجتمعية",
                "summary": (
                    "تعمل الوحدة في أحياء القدس الشرقية مع الأهالي ولجان الأحياء، لتنظيم العمل الجماعي في مواجهة "
                    "الهدم والتهجير وتقييد الخدمات."
                ),
                "mission": "أن يملك أهالي الأحياء المعرفة والأدوات ليدافعوا معًا عن حقهم في البقاء في مدينتهم.",
                "founded_reason": [
                    (
                        "p",
                        "حين يتلقى حيّ بأكمله أوامر هدم أو إخلاء، لا تكفي المتابعة الفردية لكل عائلة. وُجدت الوحدة "
                        "لتساعد الأهالي على مواجهة ما يتعرضون له معًا، انطلاقًا من منهجية المركز في التنظيم "
                        "المجتمعي القائم على الحقوق.",
                    ),
                ],
                "goals": [
                    (
                        "ul",
                        [
                            "تقوية لجان الأحياء والمبادرات المحلية.",
                            "تعريف الأهالي بحقوقهم وبالإجراءات المتاحة لهم.",
                            "نقل احتياجات الأحياء وأولوياتها إلى وحدتي الخدمات القانونية والمناصرة الدولية.",
                        ],
                    ),
                ],
                "how_we_work": [
                    (
                        "p",
                        "نعقد لقاءات في البيوت والمراكز المحلية، وننظم ورشات توعية حول الإقامة والتخطيط والبناء، "
                        "ونرافق الأهالي في تحركاتهم الجماعية. ونحرص على أن يقرر الأهالي بأنفسهم أولوياتهم وطريقة "
                        "عرض قصصهم.",
                    ),
                    ("image", "unit-community", "لقاءات الأحياء مساحة لتبادل التجارب وتنظيم الخطوات المشتركة."),
                ],
            },
            "en": {
                "title": "Community Advocacy Unit",
                "summary": (
                    "The unit works in East Jerusalem's neighbourhoods with residents and neighbourhood committees "
                    "to organise collective responses to demolitions, displacement and restricted services."
                ),
                "mission": (
                    "That neighbourhood residents have the knowledge and the tools to defend together their right "
                    "to remain in their city."
                ),
                "founded_reason": [
                    (
                        "p",
                        "When a whole neighbourhood receives demolition or eviction orders, following each family "
                        "separately is not enough. The unit exists to help residents face what happens to them "
                        "together, following the Center's rights-based community organising approach.",
                    ),
                ],
                "goals": [
                    (
                        "ul",
                        [
                            "Strengthening neighbourhood committees and local initiatives.",
                            "Making residents aware of their rights and of the procedures open to them.",
                            "Carrying the neighbourhoods' needs and priorities to the Legal Services and "
                            "International Advocacy units.",
                        ],
                    ),
                ],
                "how_we_work": [
                    (
                        "p",
                        "We hold meetings in homes and local centres, run awareness workshops on residency, planning "
                        "and building, and accompany residents in their collective action. Residents decide their "
                        "own priorities and how their stories are told.",
                    ),
                    (
                        "image",
                        "unit-community",
                        "Neighbourhood meetings are a space to share experience and plan joint steps.",
                    ),
                ],
            },
        },
    },
    {
        "slug": "legal-services",
        "founded_year": None,
        "text": {
            "ar": {
                "title": "وحدة الخدمات القانونية",
                "summary": (
                    "تقدم الوحدة الاستشارة والمتابعة القانونية للعائلات المقدسية في قضايا الإقامة ولمّ الشمل "
                    "وتسجيل الأطفال وأوامر الهدم والبناء."
                ),
                "mission": "ألّا تواجه عائلة مقدسية الإجراءات الإدارية والقضائية وحدها أو دون معرفة بحقوقها.",
                "founded_reason": [
                    (
                        "p",
                        "تتشابك إجراءات الإقامة والتسجيل والتخطيط والبناء في القدس، وتكلف المحاماة الخاصة ما لا "
                        "تقدر عليه عائلات كثيرة. تساعد الوحدة العائلات على فهم وضعها القانوني والتصرف في الوقت "
                        "المناسب قبل أن تضيع الحقوق بسبب المواعيد والإجراءات.",
                    ),
                ],
                "goals": [
                    (
                        "ul",
                        [
                            "استشارة قانونية مجانية للعائلات في القدس الشرقية.",
                            "مرافقة العائلات في الإجراءات أمام الدوائر الرسمية.",
                            "توثيق القضايا بطريقة تخدم المناصرة المحلية والدولية، بموافقة أصحابها.",
                        ],
                    ),
                ],
                "how_we_work": [
                    (
                        "p",
                        "نستقبل العائلات في مكتبنا في البلدة القديمة، ونساعدها على جمع المستندات اللازمة، ونتابع "
                        "الملفات مع محامين متعاونين. وعندما توافق العائلة، تصبح قضيتها جزءًا من التوثيق الذي تعتمد "
                        "عليه وحدة المناصرة الدولية.",
                    ),
                    (
                        "image",
                        "unit-legal",
                        "ملف كل عائلة يبدأ بالمستندات: شهادات الميلاد وعقود الإيجار وفواتير السكن.",
                    ),
                ],
            },
            "en": {
                "title": "Legal Services Unit",
                "summary": (
                    "The unit gives Jerusalem families legal advice and follow-up on residency, family "
                    "unification, child registration, demolition orders and building cases."
                ),
                "mission": (
                    "That no Jerusalem family faces administrative and court procedures alone or without knowing "
                    "its rights."
                ),
                "founded_reason": [
                    (
                        "p",
                        "Residency, registration, planning and building procedures in Jerusalem are entangled, and "
                        "private lawyers cost more than many families can afford. The unit helps families understand "
                        "their legal situation and act in time, before rights are lost to deadlines and procedure.",
                    ),
                ],
                "goals": [
                    (
                        "ul",
                        [
                            "Free legal advice for families in East Jerusalem.",
                            "Accompanying families through procedures before the authorities.",
                            "Documenting cases, with the families' consent, in a way that serves local and "
                            "international advocacy.",
                        ],
                    ),
                ],
                "how_we_work": [
                    (
                        "p",
                        "We receive families at our office in the Old City, help them gather the documents they "
                        "need, and follow their files with partner lawyers. When a family agrees, its case becomes "
                        "part of the documentation the International Advocacy Unit relies on.",
                    ),
                    (
                        "image",
                        "unit-legal",
                        "Every family's file starts with documents: birth certificates, leases and utility bills.",
                    ),
                ],
            },
        },
    },
]
