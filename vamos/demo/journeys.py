"""Demo learning journeys: eight organisations in every state of the programme, with
kickoffs, needs, goals and their history, activities in all five formats, reviews,
follow-ups, recommendations and private notes. Dates are relative to today, so the demo
always has something due, overdue and upcoming.

Idempotent: an organisation that already has a journey is left alone.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone

from vamos.accounts.models import User
from vamos.core.models import TopicField
from vamos.journeys.models import (
    Activity,
    CoachNote,
    FollowUp,
    Goal,
    GoalUpdate,
    Journey,
    JourneyCoach,
    JourneyStatusChange,
    Kickoff,
    Need,
    Recommendation,
    RecommendationOpen,
    Review,
)
from vamos.organisations.models import Membership, Organisation

F = Activity.Format
S = Journey.Status
G = Goal.Status


@dataclass
class DemoActivity:
    days: int  # relative to today; negative = in the past
    format: str
    title: str
    hours: str
    participants: int
    summary: str
    goals: list[int] = field(default_factory=list)  # indexes into the journey's goals
    note: str = ""
    status: str = Activity.Status.HELD
    hour_of_day: int = 10


@dataclass
class DemoJourney:
    organisation: str
    status: str
    coaches: list[str]
    start_days: int
    months: int
    budget: str
    motivation: str
    availability: str
    interests: list[str]
    members_can_view: bool = True
    kickoff_days: int | None = None
    kickoff_planned_days: int | None = None
    participants: str = ""
    kickoff_summary: str = ""
    kickoff_note: str = ""
    needs: list[tuple[str, str, str]] = field(default_factory=list)
    goals: list[tuple[str, str, str, int]] = field(default_factory=list)
    activities: list[DemoActivity] = field(default_factory=list)
    reviews: list[dict[str, Any]] = field(default_factory=list)
    follow_ups: list[tuple[str, int, str, bool]] = field(default_factory=list)
    recommendations: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # Modules, videos or events to recommend: (kind, words in the title).
    content: list[tuple[str, str]] = field(default_factory=list)
    decision_note: str = ""
    end_note: str = ""


COACH = "coach@demo.vamos.test"
COACH2 = "coach2@demo.vamos.test"

JOURNEYS = [
    DemoJourney(
        organisation="lv-migrantenorganisationen-nrw",
        status=S.ACTIVE,
        coaches=[COACH],
        start_days=-120,
        months=12,
        budget="40",
        motivation=(
            "Unser Landesverband wächst schnell: 64 Mitgliedsvereine, aber kaum feste "
            "Strukturen. Wir möchten unsere Finanzierung auf mehrere Säulen stellen, die "
            "Mitgliedsvereine besser einbinden und nach außen sichtbarer werden."
        ),
        availability="Dienstags und donnerstags ab 17 Uhr, gern online; samstags vor Ort in "
        "Düsseldorf nach Absprache.",
        interests=["finanzierung", "mitgliedermanagement", "oeffentlichkeitsarbeit"],
        kickoff_days=-110,
        participants="Ayşe Demir (Vorsitz), Mehmet Kaya (Schatzmeister), "
        "Leyla Nguyen (Geschäftsstelle)",
        kickoff_summary=(
            "Im Auftaktgespräch haben wir den Stand des Verbands in allen sieben Themenfeldern "
            "besprochen. Dringend sind eine verlässlichere Finanzierung und eine bessere "
            "Einbindung der Mitgliedsvereine. Wir haben vier Ziele vereinbart und beginnen mit "
            "einem Coaching zur Förderlandschaft in NRW."
        ),
        kickoff_note=(
            "Spannung zwischen Vorstand und Geschäftsstelle spürbar – Rollen klären, bevor wir "
            "in die Mitgliederarbeit gehen."
        ),
        needs=[
            (
                "finanzierung",
                "high",
                "Fast nur Projektmittel mit kurzer Laufzeit; keine Rücklagen.",
            ),
            (
                "mitgliedermanagement",
                "high",
                "Viele Mitgliedsvereine sind nur auf dem Papier aktiv.",
            ),
            ("oeffentlichkeitsarbeit", "medium", "Website veraltet, Social Media unregelmäßig."),
            ("strategie", "low", "Leitbild vorhanden, aber ohne Jahresplanung."),
        ],
        goals=[
            (
                "finanzierung",
                "Ein Finanzierungsplan mit mindestens drei Säulen für 2027 liegt vor.",
                "Vom Vorstand beschlossener Plan; zwei Anträge eingereicht.",
                150,
            ),
            (
                "mitgliedermanagement",
                "Die Mitgliedsvereine werden zweimal im Jahr befragt und in "
                "einer Vollversammlung beteiligt.",
                "Erste Befragung mit mindestens 30 Antworten.",
                200,
            ),
            (
                "oeffentlichkeitsarbeit",
                "Der Verband hat einen Redaktionsplan und postet regelmäßig.",
                "Mindestens zwei Beiträge pro Woche über drei Monate.",
                120,
            ),
            (
                "organisation-fuehrung",
                "Aufgaben zwischen Vorstand und Geschäftsstelle sind schriftlich geklärt.",
                "Geschäftsverteilungsplan beschlossen.",
                60,
            ),
        ],
        activities=[
            DemoActivity(
                -95,
                F.COACHING,
                "Förderlandschaft NRW sortieren",
                "2",
                3,
                "Wir haben Landes-, Bundes- und Stiftungsmittel gesammelt und nach "
                "Passung bewertet. Drei Programme kommen in die engere Wahl.",
                [0],
                "Schatzmeister unsicher mit Verwendungsnachweisen – Vorlage anbieten.",
            ),
            DemoActivity(
                -80,
                F.WORKSHOP_MODERATION,
                "Klausur Vorstand und Geschäftsstelle",
                "5",
                7,
                "Moderierte Klausur: Zuständigkeiten gesammelt, Konflikte benannt, "
                "ein Entwurf für den Geschäftsverteilungsplan entstanden.",
                [3],
                "Vorsitzende übernimmt zu viel selbst; vorsichtig ansprechen.",
            ),
            DemoActivity(
                -66,
                F.CONSULTING,
                "Fachberatung nach dem Webinar Fördermittel",
                "1.5",
                2,
                "Nachgespräch zum Webinar „Fördermittel finden“: Antragsskizze für die "
                "Stiftung besprochen und Kostenplan geprüft.",
                [0],
            ),
            DemoActivity(
                -52,
                F.WEBINAR,
                "Verbandswebinar: Mitglieder gewinnen und halten",
                "3",
                24,
                "Webinar exklusiv für die Mitgliedsvereine des Landesverbands. "
                "24 Teilnehmende aus 15 Vereinen; Folien und Checkliste verschickt.",
                [1],
            ),
            DemoActivity(
                -40,
                F.COACHING,
                "Redaktionsplan aufsetzen",
                "2",
                2,
                "Themen für drei Monate gesammelt, Zuständigkeiten und Formate "
                "festgelegt. Erste Beiträge sind vorbereitet.",
                [2],
            ),
            DemoActivity(
                -28,
                F.MEMBER_CLUB_EVENT,
                "Vernetzungstreffen der Mitgliedsvereine",
                "4",
                38,
                "Treffen in Düsseldorf mit 38 Personen aus 22 Vereinen. Ergebnis: "
                "Wunschliste an den Verband und eine Arbeitsgruppe Befragung.",
                [1],
                "Zwei große Vereine fühlen sich übergangen – beim nächsten Mal einbinden.",
            ),
            DemoActivity(
                -14,
                F.COACHING,
                "Zwischenstand Anträge",
                "1.5",
                2,
                "Antrag bei der Landesförderung ist eingereicht, der Stiftungsantrag "
                "in Arbeit. Wir haben die Bewertungskriterien durchgesprochen.",
                [0],
            ),
            DemoActivity(
                -6,
                F.CONSULTING,
                "Fachberatung Befragung der Mitgliedsvereine",
                "1",
                3,
                "Fragebogen gekürzt und auf einfache Sprache geprüft. Versand über "
                "die VAMOs-Umfrage geplant.",
                [1],
            ),
            DemoActivity(
                -3,
                F.WORKSHOP_MODERATION,
                "Arbeitstreffen Redaktionsteam",
                "2",
                5,
                "Erste Auswertung der Beiträge: Reichweite gestiegen, Videos wirken "
                "am besten. Plan für Dezember steht.",
                [2],
            ),
            DemoActivity(
                1,
                F.COACHING,
                "Coaching: Haushaltsplan 2027",
                "",
                0,
                "",
                [0],
                status=Activity.Status.PLANNED,
                hour_of_day=17,
            ),
            DemoActivity(
                16,
                F.WEBINAR,
                "Verbandsseminar Vereinsrecht für Vorstände",
                "",
                0,
                "",
                [3],
                status=Activity.Status.PLANNED,
                hour_of_day=10,
            ),
        ],
        reviews=[
            {
                "days": -45,
                "summary": "Die Finanzierung kommt voran, die Klausur hat die Zusammenarbeit "
                "im Vorstand verbessert. Die Mitgliederarbeit braucht mehr Zeit.",
                "plan_changes": "Wir ziehen das Vernetzungstreffen vor und verschieben die "
                "Website auf das nächste Jahr.",
                "ratings": [
                    (G.IN_PROGRESS, 40, ""),
                    (G.IN_PROGRESS, 20, ""),
                    (G.OPEN, 10, "Website verschoben"),
                    (G.ACHIEVED, 100, ""),
                ],
            },
        ],
        follow_ups=[
            ("Vorlage Verwendungsnachweis an den Schatzmeister schicken", -20, "coach", True),
            ("Fragebogen an alle Mitgliedsvereine versenden", -2, "admin", False),
            ("Kostenplan Stiftungsantrag überarbeiten", 5, "admin", False),
            ("Termin Vollversammlung 2027 festlegen", 21, "coach", False),
        ],
        recommendations=[
            (
                "dachverband-migrantenorganisationen-sachsen",
                "Hat eine Mitgliederbefragung mit hoher Beteiligung aufgebaut – "
                "ein Austausch lohnt sich.",
            ),
            (
                "forum-der-kulturen-stuttgart",
                "Erfahrungen mit Mischfinanzierung aus Kommune, Land und Stiftungen.",
            ),
        ],
        notes=["Vorsitzende wünscht sich mehr Begleitung bei Gesprächen mit dem Ministerium."],
        content=[("module", "förder"), ("video", "förder"), ("event", "mitglieder")],
    ),
    DemoJourney(
        organisation="bv-netzwerke-von-migrantenorganisationen",
        status=S.ACTIVE,
        coaches=[COACH2, COACH],
        start_days=-200,
        months=15,
        budget="60",
        motivation="Als Bundesverband mit 21 lokalen Verbünden wollen wir unsere "
        "Interessenvertretung auf Bundesebene professionalisieren und eine gemeinsame Strategie "
        "entwickeln.",
        availability="Online, werktags zwischen 9 und 16 Uhr.",
        interests=["strategie", "netzwerk-interessenvertretung", "projektmanagement"],
        kickoff_days=-190,
        participants="Geschäftsführung, zwei Vorstandsmitglieder, Referentin Politik",
        kickoff_summary="Schwerpunkte: Strategieprozess mit den lokalen Verbünden und eine klare "
        "Linie in der politischen Arbeit. Projektmanagement als Grundlage für beides.",
        needs=[
            ("strategie", "high", "Keine gemeinsame Strategie der Verbünde."),
            (
                "netzwerk-interessenvertretung",
                "high",
                "Viele Anfragen aus der Politik, wenig abgestimmte Positionen.",
            ),
            ("projektmanagement", "medium", "Projekte laufen parallel ohne Übersicht."),
        ],
        goals=[
            (
                "strategie",
                "Eine Strategie 2030 ist mit allen Verbünden erarbeitet.",
                "Beschluss der Mitgliederversammlung.",
                240,
            ),
            (
                "netzwerk-interessenvertretung",
                "Der Verband hat drei abgestimmte Positionspapiere.",
                "Papiere veröffentlicht.",
                180,
            ),
            (
                "projektmanagement",
                "Alle Projekte werden in einer gemeinsamen Übersicht geplant.",
                "Übersicht wird monatlich aktualisiert.",
                90,
            ),
        ],
        activities=[
            DemoActivity(
                -170,
                F.WORKSHOP_MODERATION,
                "Strategiewerkstatt Auftakt",
                "6",
                18,
                "Moderierte Werkstatt mit Vertretungen aus 14 Verbünden: Stärken, "
                "Schwächen und erste Zukunftsbilder gesammelt.",
                [0],
            ),
            DemoActivity(
                -150,
                F.COACHING,
                "Coaching Projektübersicht",
                "2",
                2,
                "Eine einfache Projektübersicht in einer Tabelle aufgebaut.",
                [2],
            ),
            DemoActivity(
                -120,
                F.CONSULTING,
                "Fachberatung Positionspapier Einbürgerung",
                "2",
                3,
                "Gliederung und Kernforderungen geschärft; Abstimmungsweg mit den "
                "Verbünden geklärt.",
                [1],
            ),
            DemoActivity(
                -95,
                F.MEMBER_CLUB_EVENT,
                "Online-Forum der lokalen Verbünde",
                "3",
                45,
                "Forum mit 45 Teilnehmenden: Entwurf der Strategie vorgestellt und "
                "Rückmeldungen gesammelt.",
                [0],
                "Verbund Leipzig kritisch – Einzelgespräch anbieten.",
            ),
            DemoActivity(
                -60,
                F.WEBINAR,
                "Verbandswebinar Lobbyarbeit im Bundestag",
                "2.5",
                31,
                "Webinar für die Verbünde: Abläufe im Bundestag, Anhörungen, Kontaktpflege.",
                [1],
            ),
            DemoActivity(
                -30,
                F.COACHING,
                "Coaching Geschäftsführung",
                "1.5",
                1,
                "Priorisierung der Strategieziele für 2027.",
                [0, 2],
            ),
            DemoActivity(
                -9,
                F.WORKSHOP_MODERATION,
                "Arbeitstreffen Positionspapiere",
                "3",
                6,
                "Zwei Papiere fertig abgestimmt, das dritte bis Januar.",
                [1],
            ),
            DemoActivity(
                3,
                F.CONSULTING,
                "Fachberatung Pressearbeit zum Positionspapier",
                "",
                0,
                "",
                [1],
                status=Activity.Status.PLANNED,
                hour_of_day=11,
            ),
        ],
        reviews=[
            {
                "days": -110,
                "summary": "Strategieprozess hat gut begonnen; Projektübersicht wird genutzt.",
                "plan_changes": "Mehr Zeit für die Abstimmung mit den Verbünden einplanen.",
                "ratings": [
                    (G.IN_PROGRESS, 30, ""),
                    (G.IN_PROGRESS, 20, ""),
                    (G.IN_PROGRESS, 60, ""),
                ],
            },
            {
                "days": -50,
                "summary": "Die Projektübersicht ist eingeführt. Die Strategie liegt als Entwurf "
                "vor.",
                "plan_changes": "Nächster Schwerpunkt: Positionspapiere.",
                "ratings": [
                    (G.IN_PROGRESS, 60, ""),
                    (G.IN_PROGRESS, 40, ""),
                    (G.ACHIEVED, 100, "Übersicht wird monatlich gepflegt"),
                ],
            },
        ],
        follow_ups=[
            ("Entwurf Positionspapier 3 an die Verbünde schicken", 10, "admin", False),
            ("Rückmeldungen aus dem Forum auswerten", -40, "coach", True),
        ],
        content=[("module", "leitbild"), ("event", "")],
        recommendations=[
            (
                "lv-syrischer-vereine-niedersachsen",
                "Mitglied in Ihrem Netzwerk mit Erfahrung in der Landespolitik Niedersachsen.",
            ),
        ],
    ),
    DemoJourney(
        organisation="forum-der-kulturen-stuttgart",
        status=S.COMPLETED,
        coaches=[COACH2],
        start_days=-520,
        months=12,
        budget="35",
        motivation="Wir möchten unsere Öffentlichkeitsarbeit und das Fundraising stärken.",
        availability="Montags und mittwochs vormittags.",
        interests=["oeffentlichkeitsarbeit", "finanzierung"],
        kickoff_days=-510,
        participants="Geschäftsführung, Öffentlichkeitsreferentin",
        kickoff_summary="Ziele: neues Erscheinungsbild, ein Fundraising-Konzept und mehr "
        "Sichtbarkeit bei Kommune und Presse.",
        needs=[
            ("oeffentlichkeitsarbeit", "high", "Kein einheitliches Erscheinungsbild."),
            ("finanzierung", "medium", "Spenden spielen kaum eine Rolle."),
        ],
        goals=[
            (
                "oeffentlichkeitsarbeit",
                "Ein einheitliches Erscheinungsbild ist eingeführt.",
                "Neue Vorlagen werden genutzt.",
                -300,
            ),
            (
                "finanzierung",
                "Ein Fundraising-Konzept ist beschlossen.",
                "Erste Spendenaktion durchgeführt.",
                -200,
            ),
        ],
        activities=[
            DemoActivity(
                -480,
                F.COACHING,
                "Coaching Markenkern",
                "2",
                2,
                "Werte und Botschaften des Forums herausgearbeitet.",
                [0],
            ),
            DemoActivity(
                -440,
                F.WORKSHOP_MODERATION,
                "Workshop Erscheinungsbild",
                "4",
                9,
                "Entwürfe der Agentur gemeinsam bewertet und entschieden.",
                [0],
            ),
            DemoActivity(
                -400,
                F.WEBINAR,
                "Seminar Pressearbeit für Mitgliedsvereine",
                "3",
                27,
                "Seminar für Vereine des Forums: Pressemitteilung, Fotos, Kontakte.",
                [0],
            ),
            DemoActivity(
                -350,
                F.CONSULTING,
                "Fachberatung Spendenaktion",
                "1.5",
                2,
                "Konzept für eine Weihnachtsaktion geprüft.",
                [1],
            ),
            DemoActivity(
                -300,
                F.MEMBER_CLUB_EVENT,
                "Sommerfest mit Mitgliedsvereinen",
                "5",
                120,
                "Fest mit 120 Gästen; neue Materialien eingesetzt, 40 neue Kontakte.",
                [0],
            ),
            DemoActivity(
                -230,
                F.COACHING,
                "Abschlussgespräch",
                "1.5",
                3,
                "Rückblick: beide Ziele erreicht; nächste Schritte ohne Begleitung festgelegt.",
                [0, 1],
            ),
        ],
        reviews=[
            {
                "days": -420,
                "summary": "Erscheinungsbild fast fertig, Fundraising noch nicht begonnen.",
                "plan_changes": "Spendenaktion zum Jahresende planen.",
                "ratings": [(G.IN_PROGRESS, 70, ""), (G.OPEN, 0, "")],
            },
            {
                "days": -240,
                "summary": "Beide Ziele sind erreicht.",
                "plan_changes": "Abschluss der Lernreise.",
                "ratings": [(G.ACHIEVED, 100, ""), (G.ACHIEVED, 100, "8.400 € Spenden")],
            },
        ],
        end_note="Alle Ziele erreicht; Abschlussgespräch am Ende der Laufzeit.",
    ),
    DemoJourney(
        organisation="dachverband-migrantenorganisationen-sachsen",
        status=S.ACTIVE,
        coaches=[COACH],
        start_days=-150,
        months=12,
        budget="30",
        motivation="Wir wollen neue Mitglieder gewinnen und unsere Vorstandsarbeit auf mehr "
        "Schultern verteilen.",
        availability="Abends ab 18 Uhr, online.",
        interests=["mitgliedermanagement", "organisation-fuehrung"],
        members_can_view=False,
        kickoff_days=-140,
        participants="Vorstand (vier Personen)",
        kickoff_summary="Schwerpunkte: Ehrenamtsgewinnung und Aufgabenverteilung im Vorstand.",
        needs=[
            ("mitgliedermanagement", "high", "Mitgliederzahl stagniert."),
            ("organisation-fuehrung", "medium", "Zwei Personen tragen fast alle Aufgaben."),
        ],
        goals=[
            ("mitgliedermanagement", "20 neue Mitglieder bis Ende 2027.", "Mitgliederliste.", 400),
            (
                "organisation-fuehrung",
                "Jede Vorstandsperson hat ein eigenes Aufgabengebiet.",
                "Aufgabenplan beschlossen.",
                30,
            ),
        ],
        activities=[
            DemoActivity(
                -125,
                F.COACHING,
                "Coaching Ehrenamtsgewinnung",
                "2",
                4,
                "Zielgruppen und Ansprache für neue Engagierte erarbeitet.",
                [0],
            ),
            DemoActivity(
                -110,
                F.WORKSHOP_MODERATION,
                "Vorstandsklausur Aufgabenverteilung",
                "4",
                4,
                "Aufgabengebiete verteilt; Entwurf eines Aufgabenplans.",
                [1],
            ),
            DemoActivity(
                -95,
                F.CONSULTING,
                "Fachberatung Mitgliederverwaltung",
                "1",
                2,
                "Datenschutzgerechte Mitgliederliste aufgebaut.",
                [0],
            ),
            DemoActivity(
                -75,
                F.MEMBER_CLUB_EVENT,
                "Infoabend für Mitgliedsvereine in Leipzig",
                "3",
                29,
                "29 Gäste aus zehn Vereinen; sechs Interessierte für Ehrenamt.",
                [0],
            ),
            DemoActivity(
                -62,
                F.WEBINAR,
                "Webinar Engagement fördern",
                "2",
                16,
                "Webinar für die Mitgliedsvereine zur Begleitung von Ehrenamtlichen.",
                [0],
            ),
            DemoActivity(
                -18,
                F.COACHING,
                "Coaching Vorstand",
                "1.5",
                3,
                "Aufgabenplan überprüft; zwei Aufgaben neu verteilt.",
                [1],
                "Kassenwart denkt über Rücktritt nach – vertraulich.",
            ),
        ],
        reviews=[
            {
                "days": -70,
                "summary": "Sechs neue Engagierte; der Aufgabenplan ist im Entwurf.",
                "plan_changes": "Mehr Augenmerk auf die Einarbeitung der Neuen.",
                "ratings": [(G.IN_PROGRESS, 30, ""), (G.IN_PROGRESS, 60, "")],
            },
        ],
        follow_ups=[("Aufgabenplan in der Vorstandssitzung beschließen", -5, "admin", False)],
        recommendations=[
            (
                "lv-migrantenorganisationen-nrw",
                "Ähnliche Fragen zur Einbindung der Mitgliedsvereine.",
            ),
        ],
    ),
    DemoJourney(
        organisation="lv-afrikanischer-vereine-hamburg",
        status=S.KICKOFF_PLANNED,
        coaches=[COACH2],
        start_days=-10,
        months=10,
        budget="25",
        motivation="Wir möchten Projekte professioneller planen und abrechnen.",
        availability="Freitags nachmittags in Hamburg oder online.",
        interests=["projektmanagement", "finanzierung"],
        kickoff_planned_days=5,
        decision_note="Wir freuen uns auf die Zusammenarbeit. Frau Nowak meldet sich bei Ihnen.",
    ),
    DemoJourney(
        organisation="bv-tuerkischer-elternvereine",
        status=S.APPLIED,
        coaches=[],
        start_days=-4,
        months=0,
        budget="",
        motivation="Wir möchten eine Strategie für die nächsten fünf Jahre entwickeln und die "
        "Zusammenarbeit mit unseren 38 Elternvereinen stärken.",
        availability="Mittwochs ab 16 Uhr, online oder in Köln.",
        interests=["strategie", "mitgliedermanagement"],
    ),
    DemoJourney(
        organisation="lv-syrischer-vereine-niedersachsen",
        status=S.CANCELLED,
        coaches=[COACH],
        start_days=-90,
        months=9,
        budget="20",
        motivation="Wir brauchen Unterstützung bei der Gründung einer Geschäftsstelle.",
        availability="Samstags.",
        interests=["organisation-fuehrung"],
        end_note="Der Verband hat die Lernreise beendet, weil die Geschäftsstelle vorerst nicht "
        "finanziert ist. Eine neue Bewerbung ist jederzeit möglich.",
    ),
    DemoJourney(
        organisation="stiftung-vielfalt-teilhabe",
        status=S.DECLINED,
        coaches=[],
        start_days=-60,
        months=0,
        budget="",
        motivation="Wir möchten Migrant:innenorganisationen in Hessen fördern.",
        availability="Jederzeit.",
        interests=["netzwerk-interessenvertretung"],
        decision_note=(
            "Die Lernbegleitung richtet sich an Verbände von Migrant:innenorganisationen. "
            "Gern laden wir Sie als Partnerin zu unserer Netzwerkkonferenz ein."
        ),
    ),
]


def _aware(day: date, hour: int = 10) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def _stamp(model: Any, pk: int, **fields: Any) -> None:
    """Set auto-now timestamps to the demo's past dates."""
    model.objects.filter(pk=pk).update(**fields)


def _admin_of(organisation: Organisation) -> User | None:
    membership = (
        Membership.objects.filter(organisation=organisation, role=Membership.Role.ADMIN)
        .select_related("user")
        .order_by("created_at", "pk")
        .first()
    )
    return membership.user if membership else None


def _status_chain(status: str) -> list[str]:
    chains = {
        S.APPLIED: [S.APPLIED],
        S.DECLINED: [S.APPLIED, S.DECLINED],
        S.KICKOFF_PLANNED: [S.APPLIED, S.KICKOFF_PLANNED],
        S.ACTIVE: [S.APPLIED, S.KICKOFF_PLANNED, S.ACTIVE],
        S.COMPLETED: [S.APPLIED, S.KICKOFF_PLANNED, S.ACTIVE, S.COMPLETED],
        S.CANCELLED: [S.APPLIED, S.KICKOFF_PLANNED, S.CANCELLED],
    }
    return chains[S(status)]


def _seed_one(demo: DemoJourney, today: date, team: User, topic: dict[str, TopicField]) -> int:
    organisation = Organisation.objects.get(slug=demo.organisation)
    admin = _admin_of(organisation)
    coaches = [User.objects.get(email=email) for email in demo.coaches]
    start = today + timedelta(days=demo.start_days)
    applied = start - timedelta(days=21)
    journey = Journey.objects.create(
        organisation=organisation,
        status=demo.status,
        applied_by=admin,
        motivation=demo.motivation,
        availability=demo.availability,
        members_can_view=demo.members_can_view,
    )
    journey.interest_topic_fields.set([topic[slug] for slug in demo.interests])
    decided = applied + timedelta(days=7)
    fields: dict[str, Any] = {"applied_at": _aware(applied, 9), "created_at": _aware(applied, 9)}
    if demo.status != S.APPLIED:
        fields.update(decided_at=_aware(decided, 14), decided_by=team)
        fields["decision_note"] = demo.decision_note
    if demo.status not in (S.APPLIED, S.DECLINED):
        fields.update(
            start_date=start,
            planned_end_date=start + timedelta(days=30 * demo.months),
            hour_budget=Decimal(demo.budget),
        )
    _stamp(Journey, journey.pk, **fields)
    for index, coach in enumerate(coaches):
        assignment = JourneyCoach.objects.create(
            journey=journey, coach=coach, is_lead=index == 0, assigned_by=team
        )
        _stamp(JourneyCoach, assignment.pk, assigned_at=_aware(decided, 14))

    chain = _status_chain(demo.status)
    moments = {
        S.APPLIED: _aware(applied, 9),
        S.DECLINED: _aware(decided, 14),
        S.KICKOFF_PLANNED: _aware(decided, 14),
        S.ACTIVE: _aware(today + timedelta(days=demo.kickoff_days or demo.start_days), 12),
        S.COMPLETED: _aware(today + timedelta(days=demo.start_days + 30 * demo.months), 12),
        S.CANCELLED: _aware(today - timedelta(days=20), 12),
    }
    previous = ""
    for status in chain:
        people = {S.APPLIED: admin, S.ACTIVE: coaches[0] if coaches else None}
        change = JourneyStatusChange.objects.create(
            journey=journey,
            from_status=previous,
            to_status=status,
            changed_by=people.get(status, team),
            note=demo.end_note
            if status in (S.COMPLETED, S.CANCELLED)
            else (demo.decision_note if status == S.DECLINED else ""),
        )
        _stamp(JourneyStatusChange, change.pk, changed_at=moments[status])
        previous = status
    _stamp(Journey, journey.pk, status_changed_at=moments[chain[-1]])
    lead = coaches[0] if coaches else None

    if demo.kickoff_days is not None or demo.kickoff_planned_days is not None:
        held = today + timedelta(days=demo.kickoff_days) if demo.kickoff_days is not None else None
        planned_day = today + timedelta(
            days=demo.kickoff_planned_days
            if demo.kickoff_planned_days is not None
            else demo.kickoff_days
        )
        Kickoff.objects.create(
            journey=journey,
            scheduled_for=_aware(planned_day, 15),
            held_on=held,
            participants=demo.participants,
            participants_count=len(demo.participants.split(",")) if demo.participants else None,
            summary=demo.kickoff_summary,
            recorded_by=lead,
        )
        if demo.kickoff_note:
            note = CoachNote.objects.create(
                journey=journey, about_kickoff=True, author=lead, text=demo.kickoff_note
            )
            _stamp(CoachNote, note.pk, created_at=_aware(held or planned_day, 16))
    for slug, priority, situation in demo.needs:
        Need.objects.create(
            journey=journey,
            topic_field=topic[slug],
            priority=priority,
            situation=situation,
            updated_by=lead,
        )

    goals = []
    kickoff_day = today + timedelta(days=demo.kickoff_days or 0)
    for slug, text, indicator, target in demo.goals:
        goal = Goal.objects.create(
            journey=journey,
            topic_field=topic[slug],
            description=text,
            success_indicator=indicator,
            target_date=kickoff_day + timedelta(days=target),
            created_by=lead,
        )
        update = GoalUpdate.objects.create(
            goal=goal,
            kind=GoalUpdate.Kind.CREATED,
            created_by=lead,
            status=goal.status,
            progress=0,
            target_date=goal.target_date,
            description=text,
            success_indicator=indicator,
        )
        _stamp(Goal, goal.pk, created_at=_aware(kickoff_day, 13))
        _stamp(GoalUpdate, update.pk, created_at=_aware(kickoff_day, 13))
        goals.append(goal)

    for item in demo.activities:
        day = today + timedelta(days=item.days)
        held = item.status == Activity.Status.HELD
        activity = Activity.objects.create(
            journey=journey,
            format=item.format,
            title=item.title,
            status=item.status,
            planned_for=_aware(day, item.hour_of_day),
            held_on=day if held else None,
            hours=Decimal(item.hours) if item.hours else None,
            participants_count=item.participants or None,
            shared_summary=item.summary,
            created_by=lead,
        )
        served = [goals[i] for i in item.goals]
        activity.goals.set(served)
        activity.topic_fields.set({goal.topic_field for goal in served})
        _stamp(Activity, activity.pk, created_at=_aware(min(day, today), 18))
        if item.note:
            note = CoachNote.objects.create(
                journey=journey, activity=activity, author=lead, text=item.note
            )
            _stamp(CoachNote, note.pk, created_at=_aware(day, 19))

    for review_data in demo.reviews:
        day = today + timedelta(days=review_data["days"])
        review = Review.objects.create(
            journey=journey,
            held_on=day,
            summary=review_data["summary"],
            plan_changes=review_data["plan_changes"],
            created_by=lead,
        )
        _stamp(Review, review.pk, created_at=_aware(day, 17))
        for goal, (status, progress, comment) in zip(goals, review_data["ratings"], strict=True):
            goal.status = status
            goal.progress = progress
            goal.save(update_fields=["status", "progress"])
            update = GoalUpdate.objects.create(
                goal=goal,
                review=review,
                kind=GoalUpdate.Kind.RATED,
                created_by=lead,
                status=status,
                progress=progress,
                target_date=goal.target_date,
                description=goal.description,
                success_indicator=goal.success_indicator,
                comment=comment,
            )
            _stamp(GoalUpdate, update.pk, created_at=_aware(day, 17))

    for description, due, owner_kind, done in demo.follow_ups:
        owner = lead if owner_kind == "coach" else admin
        due_on = today + timedelta(days=due)
        follow_up = FollowUp.objects.create(
            journey=journey,
            description=description,
            due_on=due_on,
            owner=owner,
            created_by=lead,
            done_at=_aware(due_on - timedelta(days=1), 12) if done else None,
            done_by=owner if done else None,
        )
        _stamp(FollowUp, follow_up.pk, created_at=_aware(due_on - timedelta(days=14), 18))

    for slug, reason in demo.recommendations:
        peer = Organisation.objects.get(slug=slug)
        recommendation = Recommendation.objects.create(
            journey=journey,
            kind=Recommendation.Kind.ORGANISATION,
            target_id=peer.pk,
            target_title=peer.name,
            reason=reason,
            recommended_by=lead,
        )
        _stamp(Recommendation, recommendation.pk, created_at=_aware(today - timedelta(days=12)))
        if admin is not None:
            RecommendationOpen.objects.create(recommendation=recommendation, user=admin)

    for kind, words in demo.content:
        _recommend_content(journey, lead, admin, kind, words, today)

    for text in demo.notes:
        note = CoachNote.objects.create(journey=journey, author=lead, text=text)
        _stamp(CoachNote, note.pk, created_at=_aware(today - timedelta(days=8), 20))
    return len(demo.activities)


def _recommend_content(
    journey: Journey, lead: Any, admin: Any, kind: str, words: str, today: date
) -> None:
    """Recommend a module, video or event of the other apps' demo content, if there."""
    from vamos.journeys import integrations

    found = integrations.provider(kind)
    if found is None or lead is None:
        return
    choices = found.choices(journey=journey, user=lead)
    match = next((c for c in choices if words.lower() in c[1].lower()), None)
    if match is None:
        return
    target = found.resolve([match[0]]).get(match[0])
    if target is None:
        return
    recommendation = Recommendation.objects.create(
        journey=journey,
        kind=kind,
        target_id=target.id,
        target_title=target.title,
        reason="Passt zu Ihrem Ziel – schauen Sie es sich vor unserem nächsten Termin an.",
        recommended_by=lead,
    )
    _stamp(Recommendation, recommendation.pk, created_at=_aware(today - timedelta(days=5)))


def seed_journeys() -> int:
    """Create the demo journeys that do not exist yet; returns how many were created."""
    today = timezone.localdate()
    team = User.objects.get(email="team@demo.vamos.test")
    topic = {topic_field.slug: topic_field for topic_field in TopicField.objects.all()}
    created = 0
    for demo in JOURNEYS:
        if Journey.objects.filter(organisation__slug=demo.organisation).exists():
            continue
        _seed_one(demo, today, team, topic)
        created += 1
    return created
