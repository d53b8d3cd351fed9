"""Ship the default competence set of the Verbands-Check (three per topic field) and the
default feedback form for events. Both stay editable; re-running changes nothing."""

from django.db import migrations

# topic field slug, key, name (de, en), statement (de, en)
COMPETENCES = [
    (
        "strategie",
        "leitbild-ziele",
        "Leitbild und Ziele",
        "Mission and goals",
        "Unser Verband hat ein schriftliches Leitbild und klare Ziele für die nächsten Jahre.",
        "Our organisation has a written mission statement and clear goals for the coming years.",
    ),
    (
        "strategie",
        "strategische-planung",
        "Strategische Planung",
        "Strategic planning",
        "Wir überprüfen unsere Ziele regelmäßig und leiten daraus Jahrespläne ab.",
        "We review our goals regularly and derive annual plans from them.",
    ),
    (
        "strategie",
        "bedarfe-kennen",
        "Bedarfe kennen",
        "Knowing needs",
        "Wir kennen die Bedarfe unserer Mitglieder und Zielgruppen und richten unsere Arbeit danach aus.",
        "We know the needs of our members and target groups and align our work with them.",
    ),
    (
        "projektmanagement",
        "projekte-planen",
        "Projekte planen",
        "Planning projects",
        "Wir planen Projekte mit Zielen, Zeitplan, Budget und klaren Zuständigkeiten.",
        "We plan projects with goals, a schedule, a budget and clear responsibilities.",
    ),
    (
        "projektmanagement",
        "projekte-steuern",
        "Projekte steuern",
        "Steering projects",
        "Wir verfolgen den Fortschritt unserer Projekte und steuern bei Abweichungen rechtzeitig nach.",
        "We track the progress of our projects and correct course in good time.",
    ),
    (
        "projektmanagement",
        "wirkung-auswerten",
        "Wirkung auswerten",
        "Evaluating impact",
        "Wir dokumentieren die Ergebnisse unserer Projekte und werten ihre Wirkung aus.",
        "We document the results of our projects and evaluate their impact.",
    ),
    (
        "organisation-fuehrung",
        "rollen-zustaendigkeiten",
        "Rollen und Zuständigkeiten",
        "Roles and responsibilities",
        "Aufgaben, Rollen und Entscheidungswege im Verband sind klar geregelt und allen bekannt.",
        "Tasks, roles and decision-making in our organisation are clearly defined and known to all.",
    ),
    (
        "organisation-fuehrung",
        "ehrenamt-hauptamt",
        "Ehrenamt und Hauptamt",
        "Volunteers and staff",
        "Ehrenamtliche und hauptamtliche Mitarbeitende arbeiten gut abgestimmt zusammen.",
        "Volunteers and paid staff work together in a well-coordinated way.",
    ),
    (
        "organisation-fuehrung",
        "nachfolge-wissen",
        "Nachfolge und Wissen sichern",
        "Succession and knowledge",
        "Wir sichern unser Wissen und bereiten die Nachfolge in Vorstand und Schlüsselrollen vor.",
        "We preserve our knowledge and prepare succession on the board and in key roles.",
    ),
    (
        "finanzierung",
        "foerdermittel",
        "Fördermittel einwerben",
        "Raising grants",
        "Wir kennen passende Förderprogramme und stellen erfolgreich Förderanträge.",
        "We know suitable funding programmes and write successful grant applications.",
    ),
    (
        "finanzierung",
        "finanzplanung",
        "Finanzplanung und Abrechnung",
        "Financial planning",
        "Wir planen unsere Finanzen vorausschauend und rechnen Fördermittel ordnungsgemäß ab.",
        "We plan our finances ahead and account for grants properly.",
    ),
    (
        "finanzierung",
        "finanzierungsmix",
        "Mehrere Finanzierungsquellen",
        "Diverse funding",
        "Unsere Finanzierung ruht auf mehreren Säulen, zum Beispiel Beiträgen, Spenden und Förderungen.",
        "Our funding rests on several pillars, for example fees, donations and grants.",
    ),
    (
        "oeffentlichkeitsarbeit",
        "kommunikation-planen",
        "Kommunikation planen",
        "Planning communication",
        "Wir wissen, wen wir mit welchen Botschaften über welche Kanäle erreichen wollen.",
        "We know whom we want to reach, with which messages and through which channels.",
    ),
    (
        "oeffentlichkeitsarbeit",
        "digitale-kanaele",
        "Digitale Kanäle",
        "Digital channels",
        "Wir pflegen unsere Website und unsere Social-Media-Kanäle regelmäßig.",
        "We keep our website and social media channels up to date.",
    ),
    (
        "oeffentlichkeitsarbeit",
        "presse-medien",
        "Presse- und Medienarbeit",
        "Press and media",
        "Wir haben Kontakte zu Medien und machen unsere Arbeit öffentlich sichtbar.",
        "We have media contacts and make our work publicly visible.",
    ),
    (
        "netzwerk-interessenvertretung",
        "kooperationen",
        "Netzwerke und Kooperationen",
        "Networks and partnerships",
        "Wir arbeiten verlässlich mit Partnern aus Zivilgesellschaft, Verwaltung und Politik zusammen.",
        "We work reliably with partners from civil society, public administration and politics.",
    ),
    (
        "netzwerk-interessenvertretung",
        "interessenvertretung",
        "Interessenvertretung",
        "Advocacy",
        "Wir bringen die Anliegen unserer Mitglieder wirksam in politische Prozesse ein.",
        "We bring our members' concerns effectively into political processes.",
    ),
    (
        "netzwerk-interessenvertretung",
        "gremienarbeit",
        "Gremienarbeit",
        "Committees and councils",
        "Wir sind in wichtigen Beiräten, Gremien und Bündnissen vertreten.",
        "We are represented on important advisory boards, committees and alliances.",
    ),
    (
        "mitgliedermanagement",
        "mitglieder-gewinnen",
        "Mitglieder gewinnen",
        "Recruiting members",
        "Wir gewinnen gezielt neue Mitgliedsorganisationen und Engagierte.",
        "We deliberately recruit new member organisations and volunteers.",
    ),
    (
        "mitgliedermanagement",
        "mitglieder-beteiligen",
        "Mitglieder beteiligen",
        "Involving members",
        "Unsere Mitglieder sind gut informiert und an wichtigen Entscheidungen beteiligt.",
        "Our members are well informed and involved in important decisions.",
    ),
    (
        "mitgliedermanagement",
        "angebote-mitglieder",
        "Angebote für Mitglieder",
        "Services for members",
        "Wir bieten unseren Mitgliedern Beratung und Angebote, die sie stärken.",
        "We offer our members advice and services that strengthen them.",
    ),
]

SATISFACTION_DE = [
    "sehr unzufrieden",
    "eher unzufrieden",
    "teils, teils",
    "eher zufrieden",
    "sehr zufrieden",
]
SATISFACTION_EN = [
    "very dissatisfied",
    "rather dissatisfied",
    "neither",
    "rather satisfied",
    "very satisfied",
]
USEFUL_DE = ["gar nicht nützlich", "wenig nützlich", "teils, teils", "nützlich", "sehr nützlich"]
USEFUL_EN = ["not useful at all", "of little use", "partly useful", "useful", "very useful"]
QUALITY_DE = ["sehr schlecht", "eher schlecht", "mittel", "gut", "sehr gut"]
QUALITY_EN = ["very poor", "rather poor", "fair", "good", "very good"]

TOPIC_FIELD_CHOICES = [
    ("strategie", "Strategie", "Strategy"),
    ("projektmanagement", "Projektmanagement", "Project management"),
    ("organisation-fuehrung", "Organisation & Führung", "Organisation & leadership"),
    ("finanzierung", "Finanzierung", "Funding"),
    (
        "oeffentlichkeitsarbeit",
        "Außendarstellung und Öffentlichkeitsarbeit",
        "Public relations & communication",
    ),
    (
        "netzwerk-interessenvertretung",
        "Netzwerkmanagement & Interessenvertretung",
        "Networking & advocacy",
    ),
    ("mitgliedermanagement", "Mitgliedermanagement", "Member management"),
]


def ship(apps, schema_editor):
    TopicField = apps.get_model("core", "TopicField")
    Competence = apps.get_model("surveys", "Competence")
    Survey = apps.get_model("surveys", "Survey")
    Wave = apps.get_model("surveys", "Wave")
    Section = apps.get_model("surveys", "Section")
    Question = apps.get_model("surveys", "Question")
    Choice = apps.get_model("surveys", "Choice")

    fields = {tf.slug: tf for tf in TopicField.objects.all()}
    positions = {}
    for slug, key, name_de, name_en, statement_de, statement_en in COMPETENCES:
        if slug not in fields:
            continue
        positions[slug] = positions.get(slug, 0) + 1
        Competence.objects.get_or_create(
            key=key,
            defaults={
                "topic_field": fields[slug],
                "name_de": name_de,
                "name_en": name_en,
                "statement_de": statement_de,
                "statement_en": statement_en,
                "position": positions[slug],
            },
        )

    if Survey.objects.filter(kind="feedback_template").exists():
        return
    survey = Survey.objects.create(
        kind="feedback_template",
        title_de="Feedbackbogen für Veranstaltungen",
        title_en="Feedback form for events",
        intro_de=(
            "Ihre Rückmeldung hilft uns, unsere Veranstaltungen zu verbessern. Die Befragung ist "
            "anonym: Ihre Antworten werden ohne Ihren Namen gespeichert. Das Ausfüllen dauert "
            "etwa drei Minuten."
        ),
        intro_en=(
            "Your feedback helps us improve our events. The survey is anonymous: your answers are "
            "stored without your name. It takes about three minutes."
        ),
        respondent="person",
        anonymous=True,
    )
    wave = Wave.objects.create(
        survey=survey,
        label="Standard",
        opens_on="2026-01-01",
        closes_on="2026-01-01",
        audience="invited",
        is_published=False,
    )
    rating = Section.objects.create(
        wave=wave, position=1, title_de="Ihre Bewertung", title_en="Your rating"
    )
    ideas = Section.objects.create(
        wave=wave, position=2, title_de="Ihre Anregungen", title_en="Your suggestions"
    )

    def question(section, position, key, kind, text_de, text_en, **extra):
        return Question.objects.create(
            wave=wave,
            section=section,
            position=position,
            key=key,
            kind=kind,
            text_de=text_de,
            text_en=text_en,
            **extra,
        )

    question(
        rating,
        1,
        "zufriedenheit",
        "scale",
        "Wie zufrieden sind Sie insgesamt mit der Veranstaltung?",
        "Overall, how satisfied are you with the event?",
        required=True,
        scale_labels_de=SATISFACTION_DE,
        scale_labels_en=SATISFACTION_EN,
    )
    question(
        rating,
        2,
        "nutzen",
        "scale",
        "Wie nützlich sind die Inhalte für die Arbeit in Ihrem Verband?",
        "How useful is the content for the work of your organisation?",
        required=True,
        scale_labels_de=USEFUL_DE,
        scale_labels_en=USEFUL_EN,
    )
    question(
        rating,
        3,
        "referierende",
        "scale",
        "Wie bewerten Sie die Referent:innen bzw. die Moderation?",
        "How do you rate the speakers or facilitators?",
        scale_labels_de=QUALITY_DE,
        scale_labels_en=QUALITY_EN,
    )
    question(
        rating,
        4,
        "organisation",
        "scale",
        "Wie bewerten Sie Organisation und Ablauf?",
        "How do you rate the organisation and the schedule?",
        scale_labels_de=QUALITY_DE,
        scale_labels_en=QUALITY_EN,
    )
    recommend = question(
        rating,
        5,
        "weiterempfehlung",
        "single",
        "Würden Sie die Veranstaltung weiterempfehlen?",
        "Would you recommend the event to others?",
        required=True,
    )
    for position, (value, de, en) in enumerate(
        [("ja", "Ja", "Yes"), ("vielleicht", "Vielleicht", "Maybe"), ("nein", "Nein", "No")],
        start=1,
    ):
        Choice.objects.create(
            question=recommend, value=value, label_de=de, label_en=en, position=position
        )
    question(
        rating,
        6,
        "gefehlt",
        "long_text",
        "Was hat Ihnen gefehlt?",
        "What was missing for you?",
        condition_question=recommend,
        condition_values=["vielleicht", "nein"],
    )
    question(
        ideas,
        1,
        "hilfreich",
        "long_text",
        "Was war für Sie besonders hilfreich?",
        "What was especially helpful for you?",
    )
    question(
        ideas,
        2,
        "verbessern",
        "long_text",
        "Was können wir beim nächsten Mal verbessern?",
        "What can we improve next time?",
    )
    topics = question(
        ideas,
        3,
        "themenwuensche",
        "multiple",
        "Zu welchen Themenfeldern wünschen Sie sich weitere Angebote?",
        "In which topic fields would you like further offers?",
    )
    for position, (value, de, en) in enumerate(TOPIC_FIELD_CHOICES, start=1):
        Choice.objects.create(
            question=topics, value=value, label_de=de, label_en=en, position=position
        )


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_seed_topic_fields"),
        ("surveys", "0001_surveys_waves_questions_responses"),
    ]

    operations = [migrations.RunPython(ship, migrations.RunPython.noop)]
