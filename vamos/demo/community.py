"""Demo data of the peer exchange: best practices in every state, comments, reactions, peer
offers, needs and a few contact requests. Idempotent; uses the demo organisations and logins.

Records are created directly (not through the services) so that seeding sends no email.
"""

import io
from datetime import timedelta
from typing import Any

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw

from vamos.accounts.models import User
from vamos.community.models import (
    BestPractice,
    Comment,
    CommentReport,
    ContactRequest,
    Need,
    PeerOffer,
    Reaction,
    Resource,
    ReviewNote,
    TopicSubscription,
)
from vamos.core.models import TopicField
from vamos.organisations.models import Membership, Organisation

S = BestPractice.Status
PUBLIC = BestPractice.Visibility.PUBLIC
MEMBERS = BestPractice.Visibility.MEMBERS

# organisation slug, author ("admin" = the organisation's first admin, or an email), title,
# topic field slugs, status, visibility, days ago, summary, challenge, approach, result,
# lessons learned, contact role, presented at
PRACTICES: list[dict[str, Any]] = [
    {
        "org": "bv-tuerkischer-elternvereine",
        "title": "Elternmentor:innen über WhatsApp-Gruppen gewinnen",
        "fields": ["mitgliedermanagement", "oeffentlichkeitsarbeit"],
        "status": S.PUBLISHED,
        "visibility": PUBLIC,
        "days": 40,
        "summary": "Wie 14 Elternvereine in einem Jahr 120 neue Elternmentor:innen gewonnen "
        "haben – mit Sprachnachrichten statt Flyern.",
        "challenge": "Viele Eltern in unseren Mitgliedsvereinen lesen keine langen Texte und "
        "kommen nicht zu Infoabenden. Flyer und E-Mails erreichten fast niemanden; die "
        "Gruppe der aktiven Mentor:innen wurde immer kleiner und älter.",
        "approach": "- In jedem Verein gibt es eine WhatsApp-Gruppe pro Schule, die von zwei "
        "Eltern moderiert wird.\n- Einladungen verschicken wir als kurze Sprachnachricht auf "
        "Türkisch und Deutsch.\n- Neue Mentor:innen begleiten erst zwei Termine mit, bevor "
        "sie selbst einladen.\n\nDie Moderator:innen treffen sich einmal im Quartal online "
        "und tauschen Vorlagen aus.",
        "result": "Nach zwölf Monaten hatten wir **120 neue Elternmentor:innen** in 14 "
        "Vereinen, ein Drittel davon Väter. Die Teilnahme an Elternabenden hat sich an den "
        "beteiligten Schulen ungefähr verdoppelt.",
        "lessons": "Klare Gruppenregeln (keine Werbung, keine Politik) von Anfang an. Die "
        "Moderation braucht Entlastung – wir wechseln alle sechs Monate.",
        "role": "Koordination Elternarbeit",
        "presented_at": "VAMOs-Netzwerktagung 2026, Workshop „Mitglieder gewinnen“",
        "image": True,
    },
    {
        "org": "bv-netzwerke-von-migrantenorganisationen",
        "title": "Lokale Verbünde mit einem gemeinsamen Jahresplan steuern",
        "fields": ["strategie", "netzwerk-interessenvertretung"],
        "status": S.PUBLISHED,
        "visibility": PUBLIC,
        "days": 33,
        "summary": "Ein gemeinsamer Jahresplan für 21 lokale Verbünde: weniger Abstimmung "
        "per E-Mail, mehr gemeinsame Aktionen.",
        "challenge": "Unsere lokalen Verbünde planten unabhängig voneinander. Termine "
        "überschnitten sich, bundesweite Kampagnen kamen vor Ort zu spät an.",
        "approach": "Im Herbst treffen sich Vertreter:innen aller Verbünde zu einer "
        "zweitägigen Planungswerkstatt. Dort entsteht ein Jahresplan mit drei gemeinsamen "
        "Schwerpunkten. Jeder Verbund wählt, an welchen Aktionen er sich beteiligt.\n\n"
        "Der Plan liegt als gemeinsame Tabelle vor, die der Bundesverband pflegt.",
        "result": "Zwei bundesweite Aktionstage mit Beteiligung von 17 Verbünden; deutlich "
        "weniger Terminüberschneidungen.",
        "lessons": "Nicht mehr als drei Schwerpunkte pro Jahr. Kleine Verbünde brauchen eine "
        "Reisekostenerstattung, sonst fehlen sie bei der Planung.",
        "role": "Geschäftsführung",
    },
    {
        "org": "lv-migrantenorganisationen-nrw",
        "author": "ayse@demo.vamos.test",
        "title": "Förderanträge im Tandem schreiben",
        "fields": ["finanzierung", "projektmanagement"],
        "status": S.PUBLISHED,
        "visibility": PUBLIC,
        "days": 26,
        "summary": "Erfahrene und neue Vereine schreiben Anträge gemeinsam – so stieg unsere "
        "Bewilligungsquote von einem Drittel auf zwei Drittel.",
        "challenge": "Kleine Mitgliedsvereine stellten kaum Förderanträge, weil ihnen "
        "Erfahrung und Zeit fehlten. Abgelehnte Anträge entmutigten sie zusätzlich.",
        "approach": "1. Wir bilden Tandems aus einem erfahrenen und einem neuen Verein.\n"
        "2. Das Tandem trifft sich dreimal: Idee schärfen, Finanzplan, Endkontrolle.\n"
        "3. Der Landesverband stellt Vorlagen und prüft jeden Antrag vor der Abgabe.",
        "result": "In zwei Förderrunden haben 18 Vereine Anträge gestellt, 12 wurden "
        "bewilligt. Sechs Vereine haben zum ersten Mal eine Förderung erhalten.",
        "lessons": "Der Finanzplan ist der häufigste Stolperstein – dafür lohnt sich ein "
        "eigener Termin mit einer Fachperson.",
        "role": "Vorstand, Ansprechperson für Förderung",
        "file": True,
    },
    {
        "org": "forum-der-kulturen-stuttgart",
        "title": "Die Interkulturelle Woche als Bühne für Mitgliedsvereine",
        "fields": ["oeffentlichkeitsarbeit", "netzwerk-interessenvertretung"],
        "status": S.PUBLISHED,
        "visibility": MEMBERS,
        "days": 21,
        "summary": "Wie ein Dachverband 40 Vereinen zu ihrem ersten eigenen Programmpunkt "
        "in der Interkulturellen Woche verholfen hat.",
        "challenge": "Viele Mitgliedsvereine waren in der Stadtöffentlichkeit unsichtbar und "
        "trauten sich keine eigene Veranstaltung zu.",
        "approach": "Wir übernehmen Raumbuchung, Versicherung und die gemeinsame "
        "Pressearbeit. Die Vereine gestalten ihren Programmpunkt selbst und bekommen eine "
        "halbtägige Schulung zu Moderation und Social Media.",
        "result": "40 Programmpunkte, rund 3.000 Besucher:innen und erstmals Berichte in "
        "der Lokalpresse über mehrere Mitgliedsvereine.",
        "lessons": "Früh anfangen: Die Raumplanung beginnt ein halbes Jahr vorher.",
        "role": "Referentin Öffentlichkeitsarbeit",
    },
    {
        "org": "dachverband-migrantenorganisationen-sachsen",
        "title": "Vorstandsklausur mit externer Moderation",
        "fields": ["organisation-fuehrung", "strategie"],
        "status": S.PUBLISHED,
        "visibility": PUBLIC,
        "days": 18,
        "summary": "Ein Wochenende, eine externe Moderatorin und danach klare Zuständigkeiten "
        "im Vorstand.",
        "challenge": "Im Vorstand blieb vieles an zwei Personen hängen, Entscheidungen "
        "wurden vertagt, neue Vorstandsmitglieder fanden keinen Platz.",
        "approach": "Wir haben eine Klausur mit externer Moderation organisiert und vorab "
        "alle Aufgaben des Vorstands gesammelt. In der Klausur haben wir Zuständigkeiten, "
        "Vertretungen und einen Sitzungsrhythmus vereinbart.",
        "result": "Jedes Vorstandsmitglied hat heute zwei bis drei feste Aufgabenbereiche. "
        "Die Sitzungen sind kürzer, Beschlüsse werden protokolliert und nachgehalten.",
        "lessons": "Die externe Moderation war entscheidend – intern hätten wir die "
        "Konflikte nicht offen angesprochen.",
        "role": "Vorsitz",
    },
    {
        "org": "lv-afrikanischer-vereine-hamburg",
        "title": "Eine Ehrenamtsdatenbank mit freier Software",
        "fields": ["mitgliedermanagement", "organisation-fuehrung"],
        "status": S.PUBLISHED,
        "visibility": MEMBERS,
        "days": 12,
        "summary": "Schluss mit Excel-Listen: Ehrenamtliche, Qualifikationen und Einsätze "
        "an einem Ort – datenschutzkonform und kostenlos.",
        "challenge": "Die Kontaktdaten unserer Ehrenamtlichen lagen in vielen Tabellen auf "
        "privaten Rechnern. Niemand wusste, wer wofür ansprechbar ist.",
        "approach": "Wir nutzen eine freie Vereinssoftware auf einem Server in Deutschland. "
        "Jede:r Ehrenamtliche pflegt das eigene Profil, der Vorstand sieht nur, was für "
        "Einsätze nötig ist.",
        "result": "160 Ehrenamtliche sind erfasst; Anfragen für Einsätze beantworten wir "
        "jetzt innerhalb eines Tages.",
        "lessons": "Die Einwilligungen zum Datenschutz gleich beim Anlegen einholen.",
        "role": "Ehrenamtskoordination",
    },
    {
        "org": "lv-syrischer-vereine-niedersachsen",
        "title": "Eine mehrsprachige Social-Media-Redaktion aufbauen",
        "fields": ["oeffentlichkeitsarbeit"],
        "status": S.PUBLISHED,
        "visibility": PUBLIC,
        "days": 9,
        "summary": "Fünf Ehrenamtliche, ein Redaktionsplan und Beiträge auf Arabisch, "
        "Kurdisch und Deutsch.",
        "challenge": "Unsere Beiträge erreichten entweder die Community oder die deutsche "
        "Öffentlichkeit – selten beide.",
        "approach": "Eine kleine Redaktion plant jeden Montag die Woche. Jeder Beitrag "
        "erscheint in drei Sprachen; kurze Videos bekommen Untertitel.",
        "result": "Die Reichweite hat sich in sechs Monaten verdreifacht; zwei Kommunen "
        "teilen unsere Beiträge regelmäßig.",
        "lessons": "Ein fester Redaktionstermin ist wichtiger als teure Technik.",
        "role": "Leitung Social Media",
    },
    {
        "org": "elternverein-koeln-kalk",
        "title": "Bildungspartnerschaft mit drei Grundschulen",
        "fields": ["netzwerk-interessenvertretung"],
        "status": S.PUBLISHED,
        "visibility": MEMBERS,
        "days": 6,
        "summary": "Eine schriftliche Kooperationsvereinbarung macht den Elternverein zum "
        "festen Partner der Schulen im Stadtteil.",
        "challenge": "Die Zusammenarbeit mit den Schulen hing an einzelnen Lehrkräften und "
        "endete, wenn diese wechselten.",
        "approach": "Gemeinsam mit dem Schulamt haben wir eine Vereinbarung entworfen: "
        "zwei Elterncafés pro Halbjahr, Dolmetschen bei Elterngesprächen, ein fester "
        "Ansprechpartner an jeder Schule.",
        "result": "Die Vereinbarung gilt seit einem Jahr an drei Schulen und wurde von den "
        "Schulkonferenzen bestätigt.",
        "lessons": "",
        "role": "Vorsitz",
    },
    {
        "org": "kulturverein-al-nour-bochum",
        "title": "Mitgliedsbeiträge per Lastschrift statt bar",
        "fields": ["finanzierung", "mitgliedermanagement"],
        "status": S.PUBLISHED,
        "visibility": MEMBERS,
        "days": 4,
        "summary": "Wie wir die Beitragszahlungen von 55 auf 90 Prozent gesteigert haben.",
        "challenge": "Beiträge wurden bar bei Veranstaltungen gesammelt, oft vergessen und "
        "mühsam nachgehalten.",
        "approach": "Wir haben alle Mitglieder persönlich angesprochen und ein SEPA-Mandat "
        "in drei Sprachen erklärt. Die Kasse zieht die Beiträge halbjährlich ein.",
        "result": "90 Prozent der Mitglieder zahlen inzwischen per Lastschrift.",
        "lessons": "Persönlich erklären – Vertrauen ist wichtiger als das Formular.",
        "role": "Kassenwart",
    },
    {
        "org": "stiftung-vielfalt-teilhabe",
        "title": "Wirkungsorientiert planen mit der Wirkungstreppe",
        "fields": ["projektmanagement", "strategie"],
        "status": S.PUBLISHED,
        "visibility": PUBLIC,
        "days": 2,
        "summary": "Mit einem einfachen Modell von der Aktivität zur Wirkung – und bessere "
        "Berichte an Fördergeber.",
        "challenge": "Unsere Projektberichte zählten Veranstaltungen und Teilnehmende, "
        "sagten aber nichts darüber, was sich verändert hat.",
        "approach": "Für jedes Projekt beschreiben wir vorab die Stufen der Wirkungstreppe "
        "und zwei Indikatoren pro Stufe. Die Projektteams erheben sie mit kurzen Umfragen.",
        "result": "Die Fördergeber loben die Berichte; intern diskutieren wir Ergebnisse "
        "statt Zahlen.",
        "lessons": "Mit wenigen Indikatoren anfangen.",
        "role": "Programmleitung",
    },
    {
        "org": "bv-netzwerke-von-migrantenorganisationen",
        "title": "Ein Positionspapier gemeinsam mit den Landesverbänden erarbeiten",
        "fields": ["netzwerk-interessenvertretung"],
        "status": S.SUBMITTED,
        "visibility": MEMBERS,
        "days": 1,
        "summary": "Beteiligung in drei Runden – und ein Papier, hinter dem alle stehen.",
        "challenge": "Positionspapiere entstanden bisher in der Geschäftsstelle; die "
        "Mitglieder fühlten sich nicht vertreten.",
        "approach": "Eine Online-Konsultation, zwei Werkstätten und eine Abstimmung in der "
        "Mitgliederversammlung.",
        "result": "Das Papier wurde einstimmig beschlossen und im Bundestag vorgestellt.",
        "lessons": "",
        "role": "Referent Interessenvertretung",
        "public_consent": True,
    },
    {
        "org": "lv-migrantenorganisationen-nrw",
        "author": "ayse@demo.vamos.test",
        "title": "Jahresbericht in einfacher Sprache",
        "fields": ["oeffentlichkeitsarbeit"],
        "status": S.RETURNED,
        "visibility": MEMBERS,
        "days": 3,
        "summary": "Unser Jahresbericht auf acht Seiten in einfacher Sprache.",
        "challenge": "Der Jahresbericht hatte 40 Seiten und wurde kaum gelesen.",
        "approach": "Wir schreiben eine Kurzfassung in einfacher Sprache.",
        "result": "Mehr Rückmeldungen.",
        "lessons": "",
        "role": "Vorstand",
        "returned": "Danke für das Beispiel! Bitte beschreiben Sie das Vorgehen genauer "
        "(wer hat geschrieben, wer hat geprüft?) und nennen Sie konkrete Zahlen zum "
        "Ergebnis. Dann veröffentlichen wir es gern.",
    },
    {
        "org": "ghanaian-union-hamburg",
        "title": "Kassenprüfung transparent gestalten",
        "fields": ["finanzierung"],
        "status": S.DRAFT,
        "visibility": MEMBERS,
        "days": 1,
        "summary": "",
        "challenge": "Die Kassenprüfung war für viele Mitglieder eine Blackbox.",
        "approach": "",
        "result": "",
        "lessons": "",
        "role": "",
    },
]

OFFERS = [
    (
        "lv-migrantenorganisationen-nrw",
        "ayse@demo.vamos.test",
        "Fördermittelakquise: Anträge für Land und Bund",
        "Wir haben über 30 Anträge mit Mitgliedsvereinen geschrieben und teilen Vorlagen, "
        "Finanzpläne und typische Fehler. Gern im Videogespräch oder als Vortrag.",
        ["finanzierung", "projektmanagement"],
        (True, False, True),
    ),
    (
        "bv-tuerkischer-elternvereine",
        None,
        "Elternarbeit und Mitgliedergewinnung",
        "Wie man Eltern über Messenger-Gruppen erreicht und zu aktiven Mitgliedern macht. "
        "Wir besuchen Sie gern oder stellen unser Modell auf Ihrer Veranstaltung vor.",
        ["mitgliedermanagement", "oeffentlichkeitsarbeit"],
        (False, True, True),
    ),
    (
        "dachverband-migrantenorganisationen-sachsen",
        None,
        "Vorstandsarbeit und Satzungsfragen",
        "Aufgabenverteilung im Vorstand, Geschäftsordnung, Satzungsänderungen – wir "
        "berichten aus unserer Vorstandsklausur und beraten im Telefongespräch.",
        ["organisation-fuehrung"],
        (True, False, False),
    ),
    (
        "lv-syrischer-vereine-niedersachsen",
        None,
        "Social Media mehrsprachig betreiben",
        "Redaktionsplan, Untertitel, Community-Management in drei Sprachen. Wir zeigen "
        "unsere Werkzeuge im Videocall oder in einem Vortrag.",
        ["oeffentlichkeitsarbeit"],
        (True, False, True),
    ),
    (
        "forum-der-kulturen-stuttgart",
        None,
        "Netzwerke mit Kommune und Stadtgesellschaft",
        "Wie ein Dachverband zum festen Partner der Stadtverwaltung wird – Erfahrungen aus "
        "25 Jahren. Besuch in Stuttgart oder Vortrag.",
        ["netzwerk-interessenvertretung"],
        (False, True, True),
    ),
    (
        "stiftung-vielfalt-teilhabe",
        None,
        "Wirkungsorientierung in Projekten",
        "Wir helfen, Wirkungsziele und Indikatoren für Projekte zu formulieren.",
        ["projektmanagement", "strategie"],
        (True, False, True),
    ),
    (
        "bv-netzwerke-von-migrantenorganisationen",
        None,
        "Interessenvertretung auf Bundesebene",
        "Kontakte in Ministerien und Bundestag, Stellungnahmen schreiben, Anhörungen vorbereiten.",
        ["netzwerk-interessenvertretung"],
        (False, False, True),
    ),
]

NEEDS = {
    "lv-migrantenorganisationen-nrw": [
        ("oeffentlichkeitsarbeit", 3, "Jahresbericht und Social Media"),
        ("mitgliedermanagement", 2, "Junge Mitglieder gewinnen"),
    ],
    "bv-netzwerke-von-migrantenorganisationen": [
        ("finanzierung", 3, "Eigenmittel und Landesförderung"),
        ("organisation-fuehrung", 2, ""),
    ],
}

COMMENTS = [
    # practice title, author email or (org slug, position), text, reply-to index or None
    (
        "Förderanträge im Tandem schreiben",
        "dimitri@demo.vamos.test",
        "Thank you – how did you find the experienced clubs for the tandems? Did they get "
        "anything in return?",
        None,
    ),
    (
        "Förderanträge im Tandem schreiben",
        "ayse@demo.vamos.test",
        "Wir haben sie direkt angesprochen; als Dank gibt es eine Aufwandsentschädigung aus "
        "unserem Landesprojekt und sie werden im Jahresbericht genannt.",
        0,
    ),
    (
        "Elternmentor:innen über WhatsApp-Gruppen gewinnen",
        "ayse@demo.vamos.test",
        "Wie geht ihr mit dem Datenschutz in den Gruppen um? Das ist bei uns immer ein "
        "Streitpunkt.",
        None,
    ),
    (
        "Vorstandsklausur mit externer Moderation",
        ("lv-afrikanischer-vereine-hamburg", 0),
        "Sehr hilfreich. Könnt ihr die Moderatorin weiterempfehlen?",
        None,
    ),
    (
        "Eine mehrsprachige Social-Media-Redaktion aufbauen",
        ("forum-der-kulturen-stuttgart", 1),
        "Jetzt neu: Vereinswebsite für nur 9,99 € im Monat – hier klicken!",
        None,
    ),
]


def _organisations() -> dict[str, Organisation]:
    return {o.slug: o for o in Organisation.objects.all()}


def _people_of(organisation: Organisation) -> list[User]:
    return [
        m.user
        for m in Membership.objects.filter(organisation=organisation)
        .select_related("user")
        .order_by("-role", "pk")
    ]


def _admin(organisation: Organisation) -> User | None:
    membership = (
        Membership.objects.filter(organisation=organisation, role=Membership.Role.ADMIN)
        .select_related("user")
        .order_by("pk")
        .first()
    )
    if membership is None:
        membership = Membership.objects.filter(organisation=organisation).order_by("pk").first()
    return membership.user if membership else None


def _person(key: Any, organisations: dict[str, Organisation]) -> User | None:
    if isinstance(key, str):
        return User.objects.filter(email=key).first()
    slug, position = key
    people = _people_of(organisations[slug])
    return people[position] if len(people) > position else None


def _demo_image() -> bytes:
    """A small bar chart: new parent mentors per quarter (drawn, no external files)."""
    image = Image.new("RGB", (640, 360), "#ffffff")
    draw = ImageDraw.Draw(image)
    draw.rectangle([40, 40, 600, 320], outline="#c6c9d6")
    for index, value in enumerate([18, 27, 34, 41]):
        left = 90 + index * 125
        draw.rectangle([left, 320 - value * 6, left + 70, 320], fill="#004b87")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def _resources(practice: BestPractice, spec: dict[str, Any]) -> None:
    if practice.resources.exists():
        return
    if spec.get("image"):
        resource = Resource(
            best_practice=practice,
            kind=Resource.Kind.IMAGE,
            title="Neue Elternmentor:innen pro Quartal",
            alt_text="Balkendiagramm: neue Elternmentor:innen pro Quartal – 18, 27, 34 und 41.",
            caption="Neue Elternmentor:innen in den vier Quartalen des Projektjahres",
            original_name="elternmentorinnen.png",
            content_type="image/png",
        )
        data = _demo_image()
        resource.size = len(data)
        resource.file.save("demo.png", ContentFile(data), save=False)
        resource.save()
    if spec.get("file"):
        text = (
            "Checkliste Tandem-Antrag\n\n"
            "1. Projektidee in drei Sätzen\n2. Zielgruppe und Bedarf belegen\n"
            "3. Finanzplan mit Eigenanteil\n4. Zeitplan\n5. Endkontrolle durch den "
            "Landesverband\n"
        ).encode()
        resource = Resource(
            best_practice=practice,
            kind=Resource.Kind.FILE,
            title="Checkliste für den Tandem-Antrag",
            original_name="checkliste-tandem-antrag.txt",
            content_type="text/plain",
            size=len(text),
        )
        resource.file.save("demo.txt", ContentFile(text), save=False)
        resource.save()
        Resource.objects.create(
            best_practice=practice,
            kind=Resource.Kind.LINK,
            title="Förderdatenbank des Bundes",
            url="https://www.foerderdatenbank.de/",
        )


def seed_community() -> None:
    organisations = _organisations()
    topic_fields = {tf.slug: tf for tf in TopicField.objects.all()}
    editor = User.objects.filter(email="redaktion@demo.vamos.test").first()
    now = timezone.now()
    practices: dict[str, BestPractice] = {}

    for spec in PRACTICES:
        organisation = organisations.get(spec["org"])
        if organisation is None:
            continue
        author = _person(spec["author"], organisations) if "author" in spec else None
        author = author or _admin(organisation)
        when = now - timedelta(days=spec["days"])
        status = spec["status"]
        public = spec["visibility"] == PUBLIC or spec.get("public_consent", False)
        practice, created = BestPractice.objects.get_or_create(
            organisation=organisation,
            title=spec["title"],
            defaults={
                "author": author,
                "contact_person": author,
                "contact_role": spec["role"],
                "summary": spec["summary"],
                "challenge": spec["challenge"],
                "approach": spec["approach"],
                "result": spec["result"],
                "lessons_learned": spec["lessons"],
                "presented_at": spec.get("presented_at", ""),
                "status": status,
                "visibility": spec["visibility"],
                "public_consent": public,
                "public_consent_at": when if public else None,
                "public_consent_by": author if public else None,
                "submitted_at": when if status != S.DRAFT else None,
                "published_at": when if status == S.PUBLISHED else None,
                "first_published_at": when if status == S.PUBLISHED else None,
                "reviewed_by": editor if status in {S.PUBLISHED, S.RETURNED} else None,
            },
        )
        practices[spec["title"]] = practice
        if not created:
            continue
        BestPractice.objects.filter(pk=practice.pk).update(
            created_at=when - timedelta(days=3), updated_at=when
        )
        practice.topic_fields.set([topic_fields[slug] for slug in spec["fields"]])
        if status != S.DRAFT:
            ReviewNote.objects.create(
                best_practice=practice, author=author, action=ReviewNote.Action.SUBMITTED
            )
        if status == S.PUBLISHED:
            ReviewNote.objects.create(
                best_practice=practice, author=editor, action=ReviewNote.Action.PUBLISHED
            )
        if status == S.RETURNED:
            ReviewNote.objects.create(
                best_practice=practice,
                author=editor,
                action=ReviewNote.Action.RETURNED,
                message=spec["returned"],
            )
        _resources(practice, spec)

    # "Useful" marks from people of other organisations.
    people = list(
        User.objects.filter(memberships__organisation__status=Organisation.Status.ACTIVE)
        .distinct()
        .order_by("pk")
    )
    for index, practice in enumerate(p for p in practices.values() if p.status == S.PUBLISHED):
        own = set(
            Membership.objects.filter(organisation=practice.organisation).values_list(
                "user_id", flat=True
            )
        )
        readers = [person for person in people if person.pk not in own]
        for person in readers[index % 3 :: 3][: 2 + (index * 3) % 7]:
            Reaction.objects.get_or_create(best_practice=practice, user=person)

    created_comments: list[Comment] = []
    for title, author_key, text, reply_to in COMMENTS:
        practice = practices.get(title)
        author = _person(author_key, organisations)
        if practice is None or author is None:
            created_comments.append(None)  # type: ignore[arg-type]
            continue
        parent = created_comments[reply_to] if reply_to is not None else None
        comment, _created = Comment.objects.get_or_create(
            best_practice=practice, author=author, body=text, defaults={"parent": parent}
        )
        created_comments.append(comment)
    spam = created_comments[-1] if created_comments else None
    if spam is not None:
        reporter = User.objects.filter(email="ayse@demo.vamos.test").first()
        if reporter is not None:
            CommentReport.objects.get_or_create(
                comment=spam,
                reporter=reporter,
                defaults={"reason": CommentReport.Reason.SPAM, "note": "Werbung für ein Produkt."},
            )

    for slug, author_email, title, text, fields, formats in OFFERS:
        organisation = organisations.get(slug)
        if organisation is None:
            continue
        person = User.objects.filter(email=author_email).first() if author_email else None
        person = person or _admin(organisation)
        offer, created = PeerOffer.objects.get_or_create(
            organisation=organisation,
            title=title,
            defaults={
                "description": text,
                "offers_call": formats[0],
                "offers_visit": formats[1],
                "offers_presentation": formats[2],
                "contact_person": person,
                "created_by": person,
            },
        )
        if created:
            offer.topic_fields.set([topic_fields[s] for s in fields])

    for slug, needs in NEEDS.items():
        organisation = organisations.get(slug)
        if organisation is None:
            continue
        for field_slug, priority, note in needs:
            Need.objects.get_or_create(
                organisation=organisation,
                topic_field=topic_fields[field_slug],
                defaults={"priority": priority, "note": note},
            )

    dimitri = User.objects.filter(email="dimitri@demo.vamos.test").first()
    ayse = User.objects.filter(email="ayse@demo.vamos.test").first()
    if dimitri is not None:
        TopicSubscription.objects.get_or_create(
            user=dimitri,
            topic_field=topic_fields["finanzierung"],
            defaults={"level": TopicSubscription.Level.ALL},
        )
    lamo = organisations.get("lv-migrantenorganisationen-nrw")
    btev = organisations.get("bv-tuerkischer-elternvereine")
    nemo = organisations.get("bv-netzwerke-von-migrantenorganisationen")
    if ayse is not None and btev is not None and lamo is not None:
        ContactRequest.objects.get_or_create(
            organisation=btev,
            sender=ayse,
            subject="Frage zu den WhatsApp-Gruppen für Eltern",
            defaults={
                "sender_organisation": lamo,
                "recipient": _admin(btev),
                "best_practice": practices.get("Elternmentor:innen über WhatsApp-Gruppen gewinnen"),
                "message": "Liebe Kolleg:innen, wir möchten bei uns etwas Ähnliches "
                "aufbauen. Hätten Sie Zeit für ein kurzes Videogespräch im Dezember?",
            },
        )
    if nemo is not None and lamo is not None and ayse is not None:
        sender = _admin(nemo)
        if sender is not None:
            ContactRequest.objects.get_or_create(
                organisation=lamo,
                sender=sender,
                subject="Tandem-Anträge in Niedersachsen",
                defaults={
                    "sender_organisation": nemo,
                    "recipient": ayse,
                    "best_practice": practices.get("Förderanträge im Tandem schreiben"),
                    "message": "Hallo Frau Demir, unser Landesverband in Niedersachsen möchte "
                    "das Tandem-Modell übernehmen. Dürfen wir Ihre Vorlagen nutzen?",
                },
            )
