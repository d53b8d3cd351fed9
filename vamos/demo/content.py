"""The public website of the demo: one German and one English page tree."""

import datetime
from typing import Any

from wagtail.models import Locale, Page, Site

from vamos.website.models import (
    ContactFormField,
    ContactPage,
    HomePage,
    NewsArticlePage,
    NewsIndexPage,
    StandardPage,
    TopicFieldIndexPage,
)


def _p(text: str) -> dict[str, Any]:
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def _h(text: str) -> dict[str, Any]:
    return {"type": "heading", "value": text}


def _ul(items: list[str]) -> dict[str, Any]:
    return {
        "type": "paragraph",
        "value": "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>",
    }


HOME = {
    "de": {
        "title": "Start",
        "hero_title": "Verbände entwickeln und professionalisieren",
        "hero_text": (
            "VAMOs, die Verbandsakademie für Migrant:innenorganisationen, begleitet Landes- und "
            "Bundesverbände auf ihrem Weg zu starken Partnerinnen gesellschaftlicher Teilhabe – "
            "mit E-Learning, Veranstaltungen, persönlicher Lernbegleitung und Austausch."
        ),
        "intro": (
            "Die Akademie wird vom Bundesamt für Migration und Flüchtlinge (BAMF) mit Mitteln "
            "des Bundesministeriums des Innern (BMI) gefördert. Für angemeldete Organisationen "
            "ist das Angebot kostenfrei."
        ),
    },
    "en": {
        "title": "Home",
        "hero_title": "Developing and professionalising associations",
        "hero_text": (
            "VAMOs, the academy for associations of migrant organisations, accompanies state "
            "and federal umbrella associations on their way to becoming strong partners of "
            "social participation – with e-learning, events, personal coaching and exchange."
        ),
        "intro": (
            "The academy is funded by the Federal Office for Migration and Refugees (BAMF) with "
            "funds of the Federal Ministry of the Interior (BMI). It is free of charge for "
            "registered organisations."
        ),
    },
}

ABOUT = {
    "de": {
        "title": "Über das Programm",
        "slug": "ueber-das-programm",
        "intro": (
            "VAMOs ist ein offenes Qualifizierungs- und Vernetzungsangebot für Landes- und "
            "Bundesverbände von Migrant:innenorganisationen."
        ),
        "body": [
            _h("Lernen und austauschen"),
            _p(
                "Als Heimathafen der Akademie dient diese Plattform. Angemeldete Organisationen "
                "bilden sich mit E-Learning-Modulen und Lernvideos in sieben Themenfeldern "
                "weiter. Schulungen, Webinare und Netzwerkveranstaltungen eröffnen Raum für "
                "Interaktion, Austausch und Vernetzung."
            ),
            _h("Persönliche Lernbegleitung"),
            _p(
                "Gemeinsam mit persönlichen VAMOs-Coaches greifen Verbände über einen "
                "abgesteckten Zeitraum Inhalte bedarfsorientiert heraus, vertiefen sie und "
                "übertragen sie begleitet in die Praxis. Die Lernbegleitung beginnt mit einem "
                "Auftaktgespräch und folgt einem iterativen Vorgehen. Sie kann bestehen aus:"
            ),
            _ul(
                [
                    "Coaching",
                    "inhaltlicher Beratung, z. B. im Anschluss an ein Webinar",
                    "einem Webinar oder Seminar für einen Verband mit entsprechendem Bedarf",
                    "einer Veranstaltung mit Mitgliedsvereinen",
                    "der Moderation von Teamworkshops und Arbeitstreffen",
                ]
            ),
            _h("Peer-to-Peer"),
            _p(
                "Migrant:innenorganisationen übernehmen eine gestaltende Rolle in der Akademie "
                "und stellen ihre Erfahrungen anderen Vereinen und Verbänden vor, etwa als "
                "Best Practices."
            ),
            _h("Jährliche Bedarfserhebung"),
            _p(
                "Die jährliche Bedarfserhebung stellt sicher, dass Veranstaltungen und "
                "Lerninhalte in jedem Programmjahr auf die Bedarfe der Verbände zugeschnitten "
                "bleiben."
            ),
        ],
    },
    "en": {
        "title": "About the programme",
        "slug": "about-the-programme",
        "intro": (
            "VAMOs is an open qualification and networking programme for state and federal "
            "umbrella associations of migrant organisations."
        ),
        "body": [
            _h("Learning and exchange"),
            _p(
                "This platform is the academy's home port. Registered organisations learn with "
                "e-learning modules and learning videos in seven topic fields. Trainings, "
                "webinars and networking events open room for interaction and exchange."
            ),
            _h("Personal learning support"),
            _p(
                "Together with personal VAMOs coaches, associations pick content by need over a "
                "defined period, deepen it and carry it into practice. The support starts with "
                "a kickoff conversation and then iterates. It can consist of:"
            ),
            _ul(
                [
                    "coaching",
                    "topic consulting, for example after a webinar",
                    "a webinar or seminar run for one association with that need",
                    "an event with member clubs",
                    "moderating team workshops and work meetings",
                ]
            ),
            _h("Peer-to-peer"),
            _p(
                "Migrant organisations take a shaping role in the academy and present their "
                "experience to other clubs and associations, for example as best practices."
            ),
            _h("Annual needs assessment"),
            _p(
                "The annual needs assessment keeps events and learning content tailored to the "
                "associations' needs in every programme year."
            ),
        ],
    },
}

TOPICS = {
    "de": {
        "title": "Themenfelder",
        "slug": "themenfelder",
        "intro": "Alle Inhalte und Angebote der Akademie sind sieben Themenfeldern zugeordnet.",
    },
    "en": {
        "title": "Topic fields",
        "slug": "topic-fields",
        "intro": "All of the academy's content and offers belong to seven topic fields.",
    },
}

NEWS = {
    "de": {
        "title": "Aktuelles",
        "slug": "aktuelles",
        "intro": "Neuigkeiten aus der Akademie und dem Netzwerk.",
        "articles": [
            (
                "vernetzungskonferenz-2026",
                "Rückblick auf die Vernetzungskonferenz 2026",
                datetime.date(2026, 6, 20),
                "Zwei Tage, 38 Verbände, 12 Workshops: Die Vernetzungskonferenz stand im "
                "Zeichen des Austauschs und der Bedarfe für das kommende Programmjahr.",
                ["netzwerk-interessenvertretung", "strategie"],
            ),
            (
                "bedarfserhebung-2027",
                "Bedarfserhebung 2027 startet im Januar",
                datetime.date(2026, 11, 10),
                "Welche Themen brauchen Ihre Verbände im nächsten Jahr? Die Ansprechpersonen "
                "der angemeldeten Organisationen erhalten die Einladung per E-Mail.",
                ["strategie"],
            ),
            (
                "neue-lernbegleitungen",
                "Zwölf neue Lernbegleitungen gestartet",
                datetime.date(2026, 9, 1),
                "Nach den Auftaktgesprächen im Sommer begleiten die VAMOs-Coaches zwölf weitere "
                "Verbände – Schwerpunkte sind Finanzierung und Mitgliedermanagement.",
                ["finanzierung", "mitgliedermanagement"],
            ),
        ],
    },
    "en": {
        "title": "News",
        "slug": "news",
        "intro": "News from the academy and the network.",
        "articles": [
            (
                "networking-conference-2026",
                "Looking back at the 2026 networking conference",
                datetime.date(2026, 6, 20),
                "Two days, 38 associations, 12 workshops: the networking conference was all "
                "about exchange and the needs for the coming programme year.",
                ["netzwerk-interessenvertretung", "strategie"],
            ),
            (
                "needs-assessment-2027",
                "The 2027 needs assessment starts in January",
                datetime.date(2026, 11, 10),
                "Which topics will your associations need next year? The contact persons of "
                "registered organisations receive the invitation by email.",
                ["strategie"],
            ),
            (
                "new-learning-journeys",
                "Twelve new learning journeys have started",
                datetime.date(2026, 9, 1),
                "After the kickoff conversations in summer, the VAMOs coaches accompany twelve "
                "more associations – with a focus on funding and member management.",
                ["finanzierung", "mitgliedermanagement"],
            ),
        ],
    },
}

CONTACT = {
    "de": {
        "title": "Kontakt",
        "slug": "kontakt",
        "intro": "Sie haben Fragen zur Akademie oder zur Anmeldung? Schreiben Sie uns.",
        "thank_you_text": "<p>Wir melden uns in der Regel innerhalb von zwei Werktagen.</p>",
        "subject": "Nachricht über das Kontaktformular",
        "fields": [
            ("Ihr Name", "singleline", True, ""),
            ("Ihre E-Mail-Adresse", "email", True, ""),
            ("Organisation", "singleline", False, ""),
            ("Ihre Nachricht", "multiline", True, ""),
        ],
    },
    "en": {
        "title": "Contact",
        "slug": "contact",
        "intro": "Questions about the academy or registering? Write to us.",
        "thank_you_text": "<p>We usually answer within two working days.</p>",
        "subject": "Message from the contact form",
        "fields": [
            ("Your name", "singleline", True, ""),
            ("Your email address", "email", True, ""),
            ("Organisation", "singleline", False, ""),
            ("Your message", "multiline", True, ""),
        ],
    },
}

LEGAL = {
    "de": [
        (
            StandardPage.Role.IMPRINT,
            "Impressum",
            "impressum",
            [
                _h("Angaben gemäß § 5 DDG"),
                _p(
                    "IMAP GmbH – Institut für interkulturelle Management- und "
                    "Politikberatung<br>Kasernenstraße 46<br>40213 Düsseldorf"
                ),
                _p("Vertreten durch den Geschäftsführer Bülent Arslan."),
                _h("Kontakt"),
                _p("Telefon: +49 211 513 69 73-0<br>E-Mail: vamos@imap-institut.de"),
                _h("Förderung"),
                _p(
                    "VAMOs wird vom Bundesamt für Migration und Flüchtlinge mit Mitteln des "
                    "Bundesministeriums des Innern gefördert."
                ),
            ],
        ),
        (
            StandardPage.Role.PRIVACY,
            "Datenschutzerklärung",
            "datenschutzerklaerung",
            [
                _h("Wer ist verantwortlich?"),
                _p("Verantwortlich ist die IMAP GmbH (siehe Impressum)."),
                _h("Welche Daten verarbeiten wir?"),
                _p(
                    "Für die Teilnahme an der Akademie verarbeiten wir die Daten Ihres Kontos "
                    "(Name, E-Mail-Adresse, Sprache), Ihre Zugehörigkeit zu Organisationen und "
                    "die Daten, die Sie selbst eingeben. Rechtsgrundlage ist Art. 6 Abs. 1 lit. "
                    "b DSGVO (Teilnahme) bzw. Ihre Einwilligung."
                ),
                _h("Keine Tracker, keine Drittanbieter"),
                _p(
                    "Diese Plattform bindet keine Inhalte, Schriften oder Skripte von Dritten "
                    "ein und setzt keine Tracking-Cookies. Es wird nur ein technisch notwendiges "
                    "Sitzungs-Cookie gesetzt."
                ),
                _h("Ihre Rechte"),
                _p(
                    "Sie können Ihre Daten jederzeit unter „Mein Konto → Meine Daten“ als Datei "
                    "herunterladen und Ihr Konto löschen. Für Auskunft, Berichtigung und "
                    "Beschwerden wenden Sie sich an datenschutz@imap-institut.de."
                ),
            ],
        ),
        (
            StandardPage.Role.ACCESSIBILITY,
            "Erklärung zur Barrierefreiheit",
            "barrierefreiheit",
            [
                _p(
                    "Wir möchten, dass alle Menschen diese Plattform nutzen können. Sie soll die "
                    "Anforderungen der BITV 2.0 und der WCAG 2.1 auf Stufe AA erfüllen."
                ),
                _h("Stand der Vereinbarkeit"),
                _p(
                    "Die Plattform wird bei jeder Änderung automatisch mit axe-core geprüft und "
                    "regelmäßig von Hand mit Tastatur und Screenreader getestet."
                ),
                _h("Feedback und Kontakt"),
                _p(
                    "Sind Ihnen Barrieren aufgefallen? Schreiben Sie uns über das "
                    "Kontaktformular oder an barrierefreiheit@imap-institut.de."
                ),
            ],
        ),
    ],
    "en": [
        (
            StandardPage.Role.IMPRINT,
            "Imprint",
            "imprint",
            [
                _h("Information according to § 5 DDG"),
                _p(
                    "IMAP GmbH – Institut für interkulturelle Management- und "
                    "Politikberatung<br>Kasernenstraße 46<br>40213 Düsseldorf, Germany"
                ),
                _p("Represented by its managing director Bülent Arslan."),
                _h("Contact"),
                _p("Phone: +49 211 513 69 73-0<br>Email: vamos@imap-institut.de"),
            ],
        ),
        (
            StandardPage.Role.PRIVACY,
            "Privacy notice",
            "privacy",
            [
                _h("Who is responsible?"),
                _p("IMAP GmbH is responsible (see imprint)."),
                _h("Which data do we process?"),
                _p(
                    "To take part in the academy we process your account data (name, email "
                    "address, language), your membership in organisations and the data you "
                    "enter yourself, based on Art. 6(1)(b) GDPR or your consent."
                ),
                _h("No trackers, no third parties"),
                _p(
                    "This platform embeds no content, fonts or scripts of third parties and sets "
                    "no tracking cookies. Only a technically necessary session cookie is set."
                ),
                _h("Your rights"),
                _p(
                    "You can download your data at any time under “My account → My data” and "
                    "delete your account. For information, correction and complaints contact "
                    "datenschutz@imap-institut.de."
                ),
            ],
        ),
        (
            StandardPage.Role.ACCESSIBILITY,
            "Accessibility statement",
            "accessibility",
            [
                _p(
                    "We want everyone to be able to use this platform. It aims to meet BITV 2.0 "
                    "and WCAG 2.1 level AA."
                ),
                _h("Feedback and contact"),
                _p(
                    "Did you meet a barrier? Tell us via the contact form or at "
                    "barrierefreiheit@imap-institut.de."
                ),
            ],
        ),
    ],
}


def _child(parent: Page, model: type[Page], slug: str, locale: Locale, **fields: Any) -> Page:
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing
    page = model(slug=slug, locale=locale, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _translation_of(page: Page | None, **fields: Any) -> dict[str, Any]:
    return {"translation_key": page.translation_key, **fields} if page else fields


def seed_site() -> None:
    from vamos.core.models import TopicField

    german, _created = Locale.objects.get_or_create(language_code="de")
    english, _created = Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node()
    topics = {topic.slug: topic for topic in TopicField.objects.all()}

    homes: dict[str, HomePage] = {}
    counterparts: dict[tuple[str, str], Page] = {}
    for code, locale in (("de", german), ("en", english)):
        data = HOME[code]
        slug = "start" if code == "de" else "home"
        home = HomePage.objects.filter(locale=locale, depth=2).first()
        if home is None:
            home = HomePage(
                slug=slug,
                locale=locale,
                title=data["title"],
                hero_title=data["hero_title"],
                hero_text=data["hero_text"],
                intro=data["intro"],
                **_translation_of(homes.get("de")),
            )
            root.add_child(instance=home)
            home.save_revision().publish()
        homes[code] = home
        if code == "de":
            _make_site_root(home)

        def child(
            key: str,
            model: type[Page],
            slug: str,
            *,
            _home: Page = home,
            _locale: Locale = locale,
            _code: str = code,
            **fields: Any,
        ) -> Page:
            page = _child(
                _home,
                model,
                slug,
                _locale,
                **_translation_of(counterparts.get((key, "de")), **fields),
            )
            counterparts[(key, _code)] = page
            return page

        about = ABOUT[code]
        child(
            "about",
            StandardPage,
            about["slug"],
            title=about["title"],
            intro=about["intro"],
            body=about["body"],
            show_in_menus=True,
        )
        child(
            "topics",
            TopicFieldIndexPage,
            TOPICS[code]["slug"],
            title=TOPICS[code]["title"],
            intro=TOPICS[code]["intro"],
            show_in_menus=True,
        )
        news_data = NEWS[code]
        news = child(
            "news",
            NewsIndexPage,
            news_data["slug"],
            title=news_data["title"],
            intro=news_data["intro"],
            show_in_menus=True,
        )
        for index, (slug, title, date, intro, topic_slugs) in enumerate(news_data["articles"]):
            de_article = counterparts.get((f"article{index}", "de"))
            article = NewsArticlePage.objects.child_of(news).filter(slug=slug).first()
            if article is None:
                article = NewsArticlePage(
                    slug=slug,
                    locale=locale,
                    title=title,
                    date=date,
                    intro=intro,
                    body=[_p(intro)],
                    **_translation_of(de_article),
                )
                news.add_child(instance=article)
                article.topic_fields.set([topics[s] for s in topic_slugs if s in topics])
                article.save_revision().publish()
            counterparts[(f"article{index}", code)] = article
        contact_data = CONTACT[code]
        contact = ContactPage.objects.child_of(home).filter(slug=contact_data["slug"]).first()
        if contact is None:
            contact = ContactPage(
                slug=contact_data["slug"],
                locale=locale,
                title=contact_data["title"],
                intro=contact_data["intro"],
                thank_you_text=contact_data["thank_you_text"],
                subject=contact_data["subject"],
                to_address="team@vamos.test",
                from_address="noreply@vamos.test",
                show_in_menus=True,
                **_translation_of(counterparts.get(("contact", "de"))),
            )
            for order, (label, field_type, required, help_text) in enumerate(
                contact_data["fields"]
            ):
                contact.form_fields.add(
                    ContactFormField(
                        sort_order=order,
                        label=label,
                        field_type=field_type,
                        required=required,
                        help_text=help_text,
                    )
                )
            home.add_child(instance=contact)
            contact.save_revision().publish()
        counterparts[("contact", code)] = contact
        for index, (role, title, slug, body) in enumerate(LEGAL[code]):
            child(f"legal{index}", StandardPage, slug, title=title, body=body, role=role)


def _make_site_root(home: HomePage) -> None:
    """The German tree is the site; Wagtail serves the English tree under /en/."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="VAMOs"
        )
        return
    if site.root_page_id == home.pk:
        return
    old_root = site.root_page
    site.root_page = home
    site.site_name = "VAMOs"
    site.save()
    if old_root.specific_class is Page:
        old_root.delete()  # Wagtail's "Welcome to your new Wagtail site!" placeholder
