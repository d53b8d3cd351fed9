"""Demo learning content: seven modules (one per topic field), two learning paths, six
captioned videos, a German and an English library, and progress of the demo learners.

Idempotent: pages, videos, images and documents are looked up by slug or title and left
alone if they exist. The clips and captions ship in ``vamos/learning/demo_media``.
"""

import io
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFont
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from vamos.accounts.models import User
from vamos.core.models import TopicField
from vamos.learning.models import (
    Certificate,
    LearningLibraryPage,
    LearningPathModule,
    LearningPathPage,
    LessonPage,
    LessonProgress,
    ModulePage,
    ModuleProgress,
    QuizAttempt,
    SharingConsent,
    TransferAnswer,
    Video,
    VideoCaption,
    VideoChapter,
)
from vamos.organisations.models import Organisation

MEDIA = Path(__file__).resolve().parents[1] / "learning" / "demo_media"
FONTS = Path(__file__).resolve().parents[1] / "static" / "vendor" / "kern" / "fonts" / "fira-sans"
NAMESPACE = uuid.UUID("6f1d2c3e-5b7a-4e8f-9a0b-1c2d3e4f5a6b")


def _id(*parts: Any) -> str:
    """Stable block ids: the English version of a lesson shares them with the German one."""
    return str(uuid.uuid5(NAMESPACE, "/".join(str(part) for part in parts)))


# --- Content ---------------------------------------------------------------------------------
# A lesson is (slug, title, summary, minutes, blocks). Blocks:
#   ("text", html) · ("video", clip slug) · ("download", document key)
#   ("quiz", [(question, kind, [(answer, correct, feedback), …]), …])
#   ("transfer", prompt) · ("checklist", (title, [items]))

S, M = "single", "multiple"

MODULES: list[dict[str, Any]] = [
    {
        "slug": "leitbild-entwickeln",
        "topic": "strategie",
        "level": "introductory",
        "duration": 60,
        "title": "Ein Leitbild für Ihren Verband entwickeln",
        "summary": (
            "Ein Leitbild sagt, wer Ihr Verband ist, wofür er steht und wohin er will. "
            "Sie lernen, wie Sie es gemeinsam mit Ihren Mitgliedern erarbeiten und im Alltag "
            "nutzen."
        ),
        "objectives": [
            "Sie können erklären, wozu ein Leitbild dient.",
            "Sie unterscheiden Vision, Mission und Werte.",
            "Sie planen einen Beteiligungsprozess für Ihr Leitbild.",
            "Sie leiten aus dem Leitbild Ziele für das nächste Jahr ab.",
        ],
        "lessons": [
            (
                "wozu-ein-leitbild",
                "Wozu braucht ein Verband ein Leitbild?",
                "Orientierung nach innen, Profil nach außen.",
                10,
                [
                    ("video", "leitbild-entwickeln"),
                    (
                        "text",
                        "<p>Ein Leitbild ist eine kurze, schriftliche Selbstbeschreibung. Es "
                        "beantwortet drei Fragen: <b>Wer sind wir? Wofür stehen wir? Wohin "
                        "wollen wir?</b></p><p>Nach innen gibt es Orientierung: Neue "
                        "Vorstandsmitglieder und Ehrenamtliche verstehen schnell, worum es dem "
                        "Verband geht. Bei schwierigen Entscheidungen hilft die Frage: Passt "
                        "das zu unserem Leitbild?</p><p>Nach außen schafft es ein klares Profil "
                        "– gegenüber Fördermittelgebern, Verwaltung, Politik und Presse. Viele "
                        "Förderprogramme fragen ausdrücklich nach Selbstverständnis und Zielen "
                        "des Trägers.</p>",
                    ),
                ],
            ),
            (
                "vision-mission-werte",
                "Vision, Mission und Werte",
                "Die drei Bausteine eines Leitbilds.",
                15,
                [
                    (
                        "text",
                        "<h2>Vision</h2><p>Die Vision beschreibt die Gesellschaft, die Sie "
                        "sich wünschen – zum Beispiel: „Alle Kinder haben unabhängig von ihrer "
                        "Herkunft die gleichen Bildungschancen.“ Sie ist langfristig und "
                        "ehrgeizig.</p><h2>Mission</h2><p>Die Mission sagt, was Ihr Verband "
                        "konkret dazu beiträgt: „Wir stärken Elternvereine, damit Eltern ihre "
                        "Kinder in der Schule gut begleiten können.“</p><h2>Werte</h2><p>Werte "
                        "beschreiben, wie Sie arbeiten: zum Beispiel partizipativ, "
                        "überparteilich, mehrsprachig, transparent im Umgang mit Geld.</p>",
                    ),
                    (
                        "quiz",
                        [
                            (
                                "Welcher Satz ist eine Mission?",
                                S,
                                [
                                    (
                                        "Wir beraten Mitgliedsvereine bei der Gründung und "
                                        "bei Förderanträgen.",
                                        True,
                                        "Genau: Die Mission beschreibt, was der Verband "
                                        "konkret tut.",
                                    ),
                                    (
                                        "Alle Menschen nehmen gleichberechtigt am "
                                        "gesellschaftlichen Leben teil.",
                                        False,
                                        "Das ist eine Vision: ein langfristiges Bild der "
                                        "Gesellschaft.",
                                    ),
                                    (
                                        "Wir sind überparteilich und transparent.",
                                        False,
                                        "Das beschreibt Werte, also wie der Verband arbeitet.",
                                    ),
                                ],
                            ),
                            (
                                "Welche Fragen beantwortet ein Leitbild?",
                                M,
                                [
                                    ("Wer sind wir?", True, "Richtig, das Selbstverständnis."),
                                    ("Wohin wollen wir?", True, "Richtig, die Vision."),
                                    (
                                        "Wie hoch ist der Mitgliedsbeitrag?",
                                        False,
                                        "Das regelt die Beitragsordnung, nicht das Leitbild.",
                                    ),
                                ],
                            ),
                        ],
                    ),
                ],
            ),
            (
                "leitbild-gemeinsam-erarbeiten",
                "Das Leitbild gemeinsam erarbeiten",
                "Ein Beteiligungsprozess in vier Schritten.",
                20,
                [
                    (
                        "text",
                        "<p>Ein Leitbild wirkt nur, wenn die Mitglieder es mittragen. Planen "
                        "Sie deshalb einen Beteiligungsprozess:</p><ol><li><b>Auftakt:</b> "
                        "Der Vorstand beschließt den Prozess und bildet eine kleine "
                        "Arbeitsgruppe.</li><li><b>Sammeln:</b> In einem Workshop oder einer "
                        "Online-Umfrage nennen Mitglieder, was den Verband ausmacht.</li><li>"
                        "<b>Verdichten:</b> Die Arbeitsgruppe formuliert einen Entwurf von "
                        "höchstens einer Seite.</li><li><b>Beschließen:</b> Die "
                        "Mitgliederversammlung diskutiert und beschließt das Leitbild.</li>"
                        "</ol><p>Denken Sie an Mehrsprachigkeit: Eine Übersetzung in die "
                        "Sprachen Ihrer Communities erhöht die Beteiligung deutlich.</p>",
                    ),
                    (
                        "checklist",
                        (
                            "Vorbereitung des Leitbild-Workshops",
                            [
                                "Termin und barrierefreien Raum festgelegt",
                                "Einladung in allen Sprachen der Mitglieder verschickt",
                                "Moderation und Protokoll vergeben",
                                "Leitfragen für die Gruppenarbeit vorbereitet",
                            ],
                        ),
                    ),
                    (
                        "transfer",
                        "Wen wollen Sie in Ihrem Verband an der Arbeit am Leitbild beteiligen – "
                        "und wie erreichen Sie diese Menschen?",
                    ),
                ],
            ),
            (
                "vom-leitbild-zur-jahresplanung",
                "Vom Leitbild zur Jahresplanung",
                "Das Leitbild im Alltag nutzen.",
                15,
                [
                    (
                        "text",
                        "<p>Ein Leitbild darf nicht in der Schublade verschwinden. Nutzen Sie "
                        "es einmal im Jahr für die Planung: Welche zwei oder drei Ziele bringen "
                        "uns unserer Vision im nächsten Jahr näher?</p><p>Prüfen Sie außerdem "
                        "alle drei bis fünf Jahre, ob das Leitbild noch stimmt. Verbände "
                        "verändern sich – neue Communities kommen hinzu, Aufgaben wachsen.</p>",
                    ),
                    (
                        "quiz",
                        [
                            (
                                "Wie oft sollte ein Verband sein Leitbild überprüfen?",
                                S,
                                [
                                    (
                                        "Alle drei bis fünf Jahre",
                                        True,
                                        "Richtig. So bleibt es aktuell, ohne ständig "
                                        "umgeschrieben zu werden.",
                                    ),
                                    (
                                        "Nie, es gilt für immer",
                                        False,
                                        "Verbände verändern sich; das Leitbild sollte mitgehen.",
                                    ),
                                    (
                                        "Jeden Monat",
                                        False,
                                        "Das ist zu oft – ein Leitbild beschreibt Langfristiges.",
                                    ),
                                ],
                            )
                        ],
                    ),
                ],
            ),
        ],
    },
    {
        "slug": "projekte-planen",
        "topic": "projektmanagement",
        "level": "introductory",
        "duration": 75,
        "title": "Projekte planen mit SMARTen Zielen",
        "summary": (
            "Von der Idee zum Projektplan: Ziele SMART formulieren, Meilensteine setzen und "
            "ein Projekt sauber abschließen."
        ),
        "objectives": [
            "Sie formulieren Projektziele nach der SMART-Regel.",
            "Sie erstellen einen Zeitplan mit Meilensteinen.",
            "Sie werten ein Projekt mit einfachen Mitteln aus.",
        ],
        "lessons": [
            (
                "was-ist-ein-projekt",
                "Was ist ein Projekt?",
                "Projekt oder Daueraufgabe?",
                10,
                [
                    (
                        "text",
                        "<p>Ein Projekt ist ein <b>einmaliges Vorhaben</b> mit einem klaren "
                        "Ziel, einem Anfang und einem Ende sowie begrenzten Mitteln. Die "
                        "jährliche Mitgliederversammlung ist kein Projekt, sondern eine "
                        "Daueraufgabe. Eine Veranstaltungsreihe zur Elternbildung im "
                        "Frühjahr 2027 dagegen schon.</p><p>Fördermittel werden fast immer für "
                        "Projekte vergeben. Deshalb lohnt es sich, Vorhaben als Projekte zu "
                        "planen – mit Zielen, Zeitplan und Budget.</p>",
                    )
                ],
            ),
            (
                "smarte-ziele",
                "SMARTe Ziele formulieren",
                "Spezifisch, messbar, attraktiv, realistisch, terminiert.",
                20,
                [
                    ("video", "smarte-projektziele"),
                    (
                        "text",
                        "<p>„Wir wollen mehr Eltern erreichen“ ist ein Wunsch, kein Ziel. "
                        "SMART formuliert heißt es: „Bis Juni 2027 nehmen 40 Eltern aus drei "
                        "Stadtteilen an vier Infoabenden zum Schulsystem teil.“</p><ul><li>"
                        "<b>Spezifisch:</b> Wer genau, was genau?</li><li><b>Messbar:</b> "
                        "Woran erkennen Sie, dass das Ziel erreicht ist?</li><li><b>"
                        "Attraktiv:</b> Wollen alle Beteiligten das Ziel erreichen?</li><li>"
                        "<b>Realistisch:</b> Schaffen Sie es mit Ihren Mitteln?</li><li><b>"
                        "Terminiert:</b> Bis wann?</li></ul>",
                    ),
                    (
                        "quiz",
                        [
                            (
                                "Welches Ziel ist SMART formuliert?",
                                S,
                                [
                                    (
                                        "Bis Dezember 2027 gewinnen wir 15 neue "
                                        "Mitgliedsvereine in Sachsen.",
                                        True,
                                        "Richtig: spezifisch, messbar und terminiert.",
                                    ),
                                    (
                                        "Wir wollen bekannter werden.",
                                        False,
                                        "Hier fehlen Zahl, Zielgruppe und Termin.",
                                    ),
                                    (
                                        "Wir machen viele Veranstaltungen.",
                                        False,
                                        "„Viele“ ist nicht messbar und es fehlt ein Termin.",
                                    ),
                                ],
                            ),
                            (
                                "Wofür steht das T in SMART?",
                                S,
                                [
                                    ("terminiert", True, "Genau: Jedes Ziel braucht ein Datum."),
                                    (
                                        "transparent",
                                        False,
                                        "Transparenz ist wichtig, aber nicht Teil der SMART-Regel.",
                                    ),
                                    (
                                        "teamorientiert",
                                        False,
                                        "Nicht ganz – das T steht für den Zeitpunkt.",
                                    ),
                                ],
                            ),
                        ],
                    ),
                ],
            ),
            (
                "meilensteine-und-zeitplan",
                "Meilensteine und Zeitplan",
                "Rückwärts planen vom Projektende.",
                20,
                [
                    (
                        "text",
                        "<p>Planen Sie rückwärts: Was muss am Projektende fertig sein? Was "
                        "muss dafür einen Monat vorher stehen? So entstehen <b>Meilensteine</b>"
                        " – überprüfbare Zwischenergebnisse, etwa „Referentin gebucht“ oder "
                        "„Einladungen verschickt“.</p><p>Ein einfacher Zeitplan als Tabelle "
                        "(Aufgabe, verantwortlich, bis wann) reicht für die meisten "
                        "Vereinsprojekte. Besprechen Sie ihn in jeder Vorstandssitzung.</p>",
                    ),
                    (
                        "checklist",
                        (
                            "Mein Projektplan",
                            [
                                "Projektziel SMART formuliert",
                                "Drei bis fünf Meilensteine festgelegt",
                                "Für jede Aufgabe eine verantwortliche Person benannt",
                                "Puffer für Urlaub und Feiertage eingeplant",
                            ],
                        ),
                    ),
                ],
            ),
            (
                "projekt-abschliessen",
                "Projekte abschließen und auswerten",
                "Lernen für das nächste Projekt.",
                15,
                [
                    (
                        "text",
                        "<p>Nehmen Sie sich am Ende eine Stunde Zeit für die Auswertung. Drei "
                        "Fragen genügen: Was hat gut funktioniert? Was würden wir anders "
                        "machen? Was nehmen wir mit?</p><p>Halten Sie die Antworten schriftlich "
                        "fest. Sie helfen beim nächsten Förderantrag und beim Sachbericht.</p>",
                    ),
                    (
                        "transfer",
                        "Welches Vorhaben Ihres Verbands möchten Sie als Projekt planen? "
                        "Formulieren Sie ein SMARTes Ziel dafür.",
                    ),
                    (
                        "quiz",
                        [
                            (
                                "Wozu dient die Auswertung am Projektende?",
                                M,
                                [
                                    ("Um aus Erfahrungen zu lernen", True, "Richtig."),
                                    (
                                        "Als Grundlage für den Sachbericht",
                                        True,
                                        "Richtig, Fördermittelgeber erwarten einen Bericht.",
                                    ),
                                    (
                                        "Um Schuldige für Probleme zu finden",
                                        False,
                                        "Eine gute Auswertung sucht Lösungen, keine Schuldigen.",
                                    ),
                                ],
                            )
                        ],
                    ),
                ],
            ),
        ],
    },
    {
        "slug": "vorstandsarbeit-organisieren",
        "topic": "organisation-fuehrung",
        "level": "intermediate",
        "duration": 50,
        "title": "Vorstandsarbeit gut organisieren",
        "summary": (
            "Klare Zuständigkeiten, gute Sitzungen, geteilte Verantwortung: So bleibt der "
            "Vorstand handlungsfähig und niemand brennt aus."
        ),
        "objectives": [
            "Sie kennen die Aufgaben und die Verantwortung eines Vereinsvorstands.",
            "Sie verteilen Zuständigkeiten mit Vertretungen.",
            "Sie bereiten Vorstandssitzungen wirksam vor.",
        ],
        "lessons": [
            (
                "aufgaben-des-vorstands",
                "Aufgaben des Vorstands",
                "Was das Vereinsrecht verlangt.",
                15,
                [
                    (
                        "text",
                        "<p>Der Vorstand vertritt den Verein nach außen und führt die "
                        "Geschäfte (§ 26 BGB). Dazu gehören die ordnungsgemäße Buchführung, die "
                        "Einberufung der Mitgliederversammlung und die Einhaltung der "
                        "Satzung.</p><p>Ehrenamtliche Vorstände haften nur bei Vorsatz und "
                        "grober Fahrlässigkeit, wenn sie höchstens 840 Euro im Jahr "
                        "Vergütung erhalten (§ 31a BGB). Eine Vermögensschadenhaftpflicht-"
                        "versicherung kann trotzdem sinnvoll sein.</p>",
                    ),
                    (
                        "quiz",
                        [
                            (
                                "Wer vertritt einen eingetragenen Verein nach außen?",
                                S,
                                [
                                    ("Der Vorstand", True, "Richtig, so regelt es § 26 BGB."),
                                    (
                                        "Jedes Mitglied",
                                        False,
                                        "Mitglieder können den Verein nicht rechtlich binden.",
                                    ),
                                    (
                                        "Die Kassenprüfung",
                                        False,
                                        "Die Kassenprüfung kontrolliert, sie vertritt nicht.",
                                    ),
                                ],
                            )
                        ],
                    ),
                ],
            ),
            (
                "zustaendigkeiten-verteilen",
                "Zuständigkeiten verteilen",
                "Jede Aufgabe hat eine Person – und eine Vertretung.",
                15,
                [
                    ("video", "vorstandsarbeit-aufteilen"),
                    (
                        "text",
                        "<p>Schreiben Sie auf, wer wofür zuständig ist: Finanzen, "
                        "Mitgliederverwaltung, Öffentlichkeitsarbeit, Kontakt zu Behörden. "
                        "Benennen Sie für jede Aufgabe eine Vertretung. So bleibt nichts "
                        "liegen, wenn jemand krank ist oder umzieht.</p>",
                    ),
                    (
                        "transfer",
                        "Welche Aufgabe hängt in Ihrem Vorstand heute an einer einzigen Person? "
                        "Wer könnte sie vertreten?",
                    ),
                ],
            ),
            (
                "sitzungen-leiten",
                "Sitzungen wirksam leiten",
                "Tagesordnung, Moderation, Protokoll.",
                20,
                [
                    (
                        "text",
                        "<p>Gute Sitzungen beginnen mit einer Tagesordnung, die eine Woche "
                        "vorher verschickt wird. Jeder Punkt hat ein Ziel: informieren, "
                        "beraten oder entscheiden. Eine Person moderiert, eine andere "
                        "schreibt das Protokoll mit den Beschlüssen und Aufgaben.</p>",
                    ),
                    (
                        "checklist",
                        (
                            "Vor der nächsten Vorstandssitzung",
                            [
                                "Tagesordnung eine Woche vorher verschickt",
                                "Unterlagen zu Entscheidungen beigefügt",
                                "Moderation und Protokoll verteilt",
                                "Aufgaben aus dem letzten Protokoll geprüft",
                            ],
                        ),
                    ),
                    (
                        "quiz",
                        [
                            (
                                "Was gehört in ein Ergebnisprotokoll?",
                                M,
                                [
                                    ("Beschlüsse", True, "Richtig."),
                                    ("Aufgaben mit Verantwortlichen und Frist", True, "Richtig."),
                                    (
                                        "Jeder Redebeitrag im Wortlaut",
                                        False,
                                        "Das wäre ein Wortprotokoll – für Vereine meist zu "
                                        "aufwendig.",
                                    ),
                                ],
                            )
                        ],
                    ),
                ],
            ),
        ],
    },
    {
        "slug": "foerdermittel-beantragen",
        "topic": "finanzierung",
        "level": "introductory",
        "duration": 90,
        "title": "Fördermittel finden und beantragen",
        "summary": (
            "Wo gibt es Geld für Ihre Projekte, wie schreiben Sie einen überzeugenden Antrag "
            "und was müssen Sie nach der Bewilligung beachten?"
        ),
        "objectives": [
            "Sie kennen die wichtigsten Quellen für Fördermittel.",
            "Sie schreiben einen Förderantrag mit klarer Projektlogik.",
            "Sie stellen einen Finanzplan mit Eigenanteil auf.",
            "Sie wissen, was in einen Verwendungsnachweis gehört.",
        ],
        "lessons": [
            (
                "foerdermittel-finden",
                "Fördermittel finden",
                "Öffentliche Programme, Stiftungen, Spenden.",
                20,
                [
                    ("video", "foerdermittel-finden"),
                    (
                        "text",
                        "<p>Es gibt drei große Quellen: <b>öffentliche Förderprogramme</b> von "
                        "Bund, Ländern und Kommunen, <b>Stiftungen</b> sowie <b>Spenden und "
                        "Sponsoring</b>.</p><p>Öffentliche Programme fördern oft größere "
                        "Vorhaben über mehrere Jahre, verlangen aber genaue Nachweise. "
                        "Stiftungen sind häufig flexibler und fördern auch kleine Projekte. "
                        "Spenden sind frei verwendbar, aber schwer planbar.</p><p>Nutzen Sie "
                        "Förderdatenbanken und Newsletter der Landesverbände und tragen Sie "
                        "Antragsfristen sofort in einen gemeinsamen Kalender ein.</p>",
                    ),
                    (
                        "quiz",
                        [
                            (
                                "Welche Mittel darf ein Verein am freiesten verwenden?",
                                S,
                                [
                                    (
                                        "Spenden ohne Zweckbindung",
                                        True,
                                        "Richtig: Freie Spenden sind nicht an ein Projekt "
                                        "gebunden.",
                                    ),
                                    (
                                        "Zuwendungen aus einem Bundesprogramm",
                                        False,
                                        "Öffentliche Mittel sind an den bewilligten Zweck "
                                        "gebunden.",
                                    ),
                                    (
                                        "Projektförderung einer Stiftung",
                                        False,
                                        "Auch Stiftungen binden ihre Förderung an ein Projekt.",
                                    ),
                                ],
                            )
                        ],
                    ),
                ],
            ),
            (
                "foerderantrag-schreiben",
                "Den Förderantrag schreiben",
                "Ausgangslage, Ziele, Maßnahmen, Wirkung.",
                25,
                [
                    (
                        "text",
                        "<p>Ein überzeugender Antrag folgt einer klaren Logik: <b>Ausgangslage"
                        "</b> (welches Problem?), <b>Ziele</b> (was soll sich ändern?), <b>"
                        "Maßnahmen</b> (was tun Sie dafür?) und <b>Wirkung</b> (woran sieht man "
                        "den Erfolg?).</p><p>Schreiben Sie konkret und mit Zahlen. Lesen Sie "
                        "die Förderrichtlinie genau und verwenden Sie deren Begriffe. Lassen "
                        "Sie den Antrag von einer Person gegenlesen, die das Projekt nicht "
                        "kennt.</p>",
                    ),
                    ("download", "checkliste-foerderantrag"),
                    (
                        "transfer",
                        "Für welches Vorhaben Ihres Verbands möchten Sie Fördermittel "
                        "beantragen? Beschreiben Sie in zwei Sätzen die Ausgangslage.",
                    ),
                ],
            ),
            (
                "finanzplan",
                "Den Finanzplan aufstellen",
                "Ausgaben, Einnahmen, Eigenanteil.",
                25,
                [
                    (
                        "text",
                        "<p>Der Finanzplan listet alle <b>Ausgaben</b> (Personal, Honorare, "
                        "Miete, Material, Fahrtkosten) und alle <b>Einnahmen</b> (beantragte "
                        "Förderung, Eigenmittel, Drittmittel). Beide Seiten müssen gleich "
                        "hoch sein.</p><p>Viele Programme verlangen einen <b>Eigenanteil</b>, "
                        "zum Beispiel zehn Prozent. Er kann oft auch als bewertete "
                        "ehrenamtliche Arbeit eingebracht werden – fragen Sie beim "
                        "Fördermittelgeber nach.</p>",
                    ),
                    (
                        "quiz",
                        [
                            (
                                "Ein Projekt kostet 20.000 Euro. Der Eigenanteil beträgt 10 "
                                "Prozent. Wie viel Förderung beantragen Sie höchstens?",
                                S,
                                [
                                    (
                                        "18.000 Euro",
                                        True,
                                        "Richtig: 2.000 Euro bringen Sie selbst auf.",
                                    ),
                                    (
                                        "20.000 Euro",
                                        False,
                                        "Dann fehlt der Eigenanteil von 2.000 Euro.",
                                    ),
                                    (
                                        "22.000 Euro",
                                        False,
                                        "Die Förderung kann nie höher sein als die Kosten.",
                                    ),
                                ],
                            ),
                            (
                                "Was kann je nach Programm als Eigenanteil zählen?",
                                M,
                                [
                                    ("Eigene Geldmittel des Vereins", True, "Richtig."),
                                    (
                                        "Bewertete ehrenamtliche Arbeit",
                                        True,
                                        "Richtig, sofern die Förderrichtlinie das erlaubt.",
                                    ),
                                    (
                                        "Mittel aus demselben Förderprogramm",
                                        False,
                                        "Nein, der Eigenanteil muss aus anderen Quellen kommen.",
                                    ),
                                ],
                            ),
                        ],
                    ),
                ],
            ),
            (
                "verwendungsnachweis",
                "Nach der Bewilligung: der Verwendungsnachweis",
                "Belege sammeln und berichten.",
                20,
                [
                    (
                        "text",
                        "<p>Mit dem Bewilligungsbescheid beginnt die Verantwortung: Geben Sie "
                        "das Geld nur für den bewilligten Zweck aus, sammeln Sie alle Belege "
                        "und halten Sie Fristen ein.</p><p>Am Ende steht der <b>"
                        "Verwendungsnachweis</b>: ein Sachbericht (was wurde erreicht?) und "
                        "ein zahlenmäßiger Nachweis (wofür wurde das Geld ausgegeben?). "
                        "Bewahren Sie die Unterlagen mindestens fünf Jahre auf.</p>",
                    ),
                    (
                        "checklist",
                        (
                            "Nach der Bewilligung",
                            [
                                "Bewilligungsbescheid gelesen, Auflagen notiert",
                                "Ordner für Belege angelegt",
                                "Termin für den Verwendungsnachweis im Kalender",
                                "Fotos und Teilnahmelisten für den Sachbericht gesammelt",
                            ],
                        ),
                    ),
                ],
            ),
        ],
    },
    {
        "slug": "pressearbeit-fuer-vereine",
        "topic": "oeffentlichkeitsarbeit",
        "level": "introductory",
        "duration": 45,
        "title": "Pressearbeit für Vereine",
        "summary": (
            "Zielgruppen bestimmen, eine Pressemitteilung schreiben und soziale Medien mit "
            "wenig Zeit nutzen."
        ),
        "objectives": [
            "Sie bestimmen die Zielgruppen Ihrer Öffentlichkeitsarbeit.",
            "Sie schreiben eine Pressemitteilung nach den W-Fragen.",
            "Sie planen Beiträge für soziale Medien.",
        ],
        "lessons": [
            (
                "zielgruppen",
                "Wen wollen wir erreichen?",
                "Zielgruppen und Botschaften.",
                10,
                [
                    (
                        "text",
                        "<p>Öffentlichkeitsarbeit beginnt mit der Frage, wen Sie erreichen "
                        "wollen: Mitglieder, neue Engagierte, Politik, Verwaltung, "
                        "Fördermittelgeber oder die lokale Presse? Jede Gruppe braucht eine "
                        "eigene Botschaft und einen eigenen Kanal.</p>",
                    ),
                    (
                        "transfer",
                        "Welche Zielgruppe möchte Ihr Verband im nächsten halben Jahr besser "
                        "erreichen – und über welchen Kanal?",
                    ),
                ],
            ),
            (
                "pressemitteilung",
                "Die Pressemitteilung",
                "Die W-Fragen zuerst.",
                20,
                [
                    ("video", "pressemitteilung-schreiben"),
                    (
                        "text",
                        "<p>Eine Pressemitteilung beantwortet im ersten Absatz die W-Fragen: "
                        "<b>Wer? Was? Wann? Wo? Wie? Warum?</b> Danach folgen Details und ein "
                        "Zitat. Am Ende stehen Kontaktdaten für Rückfragen.</p><p>Halten Sie "
                        "sich an eine Seite, schreiben Sie im Präsens und verschicken Sie die "
                        "Mitteilung rechtzeitig – bei Veranstaltungen etwa eine Woche "
                        "vorher.</p>",
                    ),
                    (
                        "quiz",
                        [
                            (
                                "Was gehört in den ersten Absatz einer Pressemitteilung?",
                                S,
                                [
                                    (
                                        "Die Antworten auf die W-Fragen",
                                        True,
                                        "Richtig: Das Wichtigste steht vorn.",
                                    ),
                                    (
                                        "Die Geschichte des Vereins seit der Gründung",
                                        False,
                                        "Das interessiert die Redaktion selten – das "
                                        "Wichtigste zuerst.",
                                    ),
                                    (
                                        "Die Kontaktdaten",
                                        False,
                                        "Die Kontaktdaten stehen am Ende.",
                                    ),
                                ],
                            )
                        ],
                    ),
                ],
            ),
            (
                "social-media",
                "Soziale Medien mit wenig Zeit",
                "Ein Redaktionsplan für Ehrenamtliche.",
                15,
                [
                    (
                        "text",
                        "<p>Regelmäßigkeit schlägt Menge: Lieber ein Beitrag pro Woche als "
                        "zehn in einer Woche und dann zwei Monate nichts. Ein einfacher "
                        "Redaktionsplan (Datum, Thema, Kanal, wer postet) hilft.</p><p>Achten "
                        "Sie auf Bildrechte und holen Sie die Einwilligung der abgebildeten "
                        "Personen ein.</p>",
                    ),
                    (
                        "quiz",
                        [
                            (
                                "Was brauchen Sie, bevor Sie ein Foto von Teilnehmenden "
                                "veröffentlichen?",
                                S,
                                [
                                    (
                                        "Die Einwilligung der abgebildeten Personen",
                                        True,
                                        "Richtig – bei Kindern die der Eltern.",
                                    ),
                                    (
                                        "Nichts, wenn die Veranstaltung öffentlich war",
                                        False,
                                        "Auch dann ist in der Regel eine Einwilligung nötig.",
                                    ),
                                ],
                            )
                        ],
                    ),
                ],
            ),
        ],
    },
    {
        "slug": "interessen-vertreten",
        "topic": "netzwerk-interessenvertretung",
        "level": "advanced",
        "duration": 55,
        "title": "Interessen wirksam vertreten",
        "summary": (
            "Netzwerke kartieren, Gespräche mit Politik und Verwaltung vorbereiten und "
            "Stellungnahmen schreiben."
        ),
        "objectives": [
            "Sie erstellen eine Netzwerkkarte Ihres Verbands.",
            "Sie bereiten ein Gespräch mit Politik oder Verwaltung vor.",
            "Sie schreiben eine kurze Stellungnahme.",
        ],
        "lessons": [
            (
                "netzwerke-kartieren",
                "Netzwerke kartieren",
                "Wer ist wichtig für unsere Anliegen?",
                15,
                [
                    (
                        "text",
                        "<p>Zeichnen Sie Ihren Verband in die Mitte eines Blatts. Tragen Sie "
                        "ringsum alle Akteure ein: Verwaltung, Politik, Wohlfahrtsverbände, "
                        "Stiftungen, Medien, andere Migrant:innenorganisationen. Markieren Sie, "
                        "wie eng der Kontakt ist und wie wichtig der Akteur für Ihre Anliegen "
                        "ist.</p><p>So sehen Sie auf einen Blick, wo Sie Kontakte pflegen und "
                        "wo Sie neue knüpfen sollten.</p>",
                    ),
                    (
                        "transfer",
                        "Welche zwei Akteure fehlen in Ihrem Netzwerk noch, um Ihre wichtigste "
                        "Forderung voranzubringen?",
                    ),
                ],
            ),
            (
                "gespraeche-vorbereiten",
                "Gespräche mit Politik und Verwaltung",
                "Gut vorbereitet in den Termin.",
                20,
                [
                    (
                        "text",
                        "<p>Bereiten Sie jedes Gespräch vor: Was ist unser Anliegen in einem "
                        "Satz? Welche Zahlen und Beispiele belegen es? Was genau erbitten wir? "
                        "Bringen Sie ein einseitiges Papier mit und vereinbaren Sie am Ende, "
                        "wie es weitergeht.</p>",
                    ),
                    (
                        "quiz",
                        [
                            (
                                "Was sollten Sie am Ende eines Gesprächs mit der Verwaltung tun?",
                                S,
                                [
                                    (
                                        "Vereinbaren, wie es weitergeht",
                                        True,
                                        "Richtig: Ein nächster Schritt macht das Gespräch "
                                        "verbindlich.",
                                    ),
                                    (
                                        "Nichts – das Gespräch war der Erfolg",
                                        False,
                                        "Ohne Vereinbarung verläuft vieles im Sand.",
                                    ),
                                ],
                            )
                        ],
                    ),
                ],
            ),
            (
                "stellungnahmen",
                "Stellungnahmen schreiben",
                "Kurz, belegt, mit Forderung.",
                20,
                [
                    (
                        "text",
                        "<p>Eine Stellungnahme beginnt mit Ihrer Position, begründet sie mit "
                        "Erfahrungen aus Ihren Mitgliedsvereinen und endet mit konkreten "
                        "Forderungen. Zwei Seiten sind genug. Stimmen Sie sie mit Partnern ab "
                        "– gemeinsame Stellungnahmen haben mehr Gewicht.</p>",
                    ),
                    (
                        "quiz",
                        [
                            (
                                "Was stärkt eine Stellungnahme?",
                                M,
                                [
                                    ("Beispiele aus den Mitgliedsvereinen", True, "Richtig."),
                                    ("Konkrete Forderungen", True, "Richtig."),
                                    (
                                        "Möglichst viele Seiten",
                                        False,
                                        "Kürze wird eher gelesen – zwei Seiten reichen.",
                                    ),
                                ],
                            )
                        ],
                    ),
                ],
            ),
        ],
    },
    {
        "slug": "mitglieder-gewinnen-und-binden",
        "topic": "mitgliedermanagement",
        "level": "introductory",
        "duration": 60,
        "title": "Mitglieder gewinnen und binden",
        "summary": (
            "Warum Menschen sich engagieren, wie Sie neue Mitglieder ansprechen, sie "
            "willkommen heißen und ihre Daten datenschutzgerecht verwalten."
        ),
        "objectives": [
            "Sie kennen Beweggründe für ehrenamtliches Engagement.",
            "Sie sprechen neue Mitglieder gezielt an.",
            "Sie gestalten eine Willkommenskultur.",
            "Sie verwalten Mitgliederdaten nach der DSGVO.",
        ],
        "lessons": [
            (
                "warum-engagement",
                "Warum Menschen sich engagieren",
                "Beweggründe verstehen.",
                10,
                [
                    (
                        "text",
                        "<p>Menschen engagieren sich, weil sie etwas bewegen wollen, "
                        "Gemeinschaft suchen, etwas lernen möchten oder anderen helfen wollen, "
                        "die in einer ähnlichen Lage sind wie sie selbst früher. Fragen Sie "
                        "Ihre Mitglieder nach ihren Gründen – die Antworten zeigen, womit Sie "
                        "neue Menschen gewinnen.</p>",
                    )
                ],
            ),
            (
                "neue-mitglieder-ansprechen",
                "Neue Mitglieder ansprechen",
                "Persönlich, konkret, mehrsprachig.",
                20,
                [
                    ("video", "mitglieder-gewinnen"),
                    (
                        "text",
                        "<p>Die persönliche Ansprache wirkt am besten. Bitten Sie Menschen um "
                        "eine konkrete, zeitlich begrenzte Aufgabe („Kannst du beim "
                        "Sommerfest den Infostand betreuen?“) statt allgemein um Mitarbeit. "
                        "Mehrsprachige Flyer und Veranstaltungen senken Hürden.</p>",
                    ),
                    (
                        "quiz",
                        [
                            (
                                "Welche Bitte gewinnt am ehesten neue Engagierte?",
                                S,
                                [
                                    (
                                        "„Kannst du am Samstag zwei Stunden den Infostand "
                                        "betreuen?“",
                                        True,
                                        "Richtig: konkret und zeitlich begrenzt.",
                                    ),
                                    (
                                        "„Wir brauchen dringend mehr Leute im Verein.“",
                                        False,
                                        "Das ist zu allgemein – niemand fühlt sich angesprochen.",
                                    ),
                                ],
                            )
                        ],
                    ),
                ],
            ),
            (
                "willkommenskultur",
                "Willkommenskultur und Bindung",
                "Die ersten drei Monate entscheiden.",
                15,
                [
                    (
                        "text",
                        "<p>Neue Mitglieder entscheiden in den ersten Monaten, ob sie bleiben. "
                        "Ein Begrüßungsgespräch, eine feste Ansprechperson (Patenschaft) und "
                        "eine erste kleine Aufgabe helfen dabei. Danken Sie regelmäßig und "
                        "sichtbar für Engagement.</p>",
                    ),
                    (
                        "transfer",
                        "Wie heißt Ihr Verband neue Mitglieder heute willkommen? Was möchten "
                        "Sie ab sofort anders machen?",
                    ),
                ],
            ),
            (
                "mitgliederdaten",
                "Mitgliederdaten datenschutzgerecht verwalten",
                "Was die DSGVO verlangt.",
                15,
                [
                    (
                        "text",
                        "<p>Erheben Sie nur die Daten, die Sie wirklich brauchen, und "
                        "informieren Sie beim Eintritt, wofür Sie sie nutzen. Speichern Sie "
                        "Listen nicht auf privaten Geräten ohne Passwortschutz. Nach dem "
                        "Austritt löschen Sie die Daten, sobald keine Aufbewahrungspflicht "
                        "mehr besteht.</p>",
                    ),
                    (
                        "quiz",
                        [
                            (
                                "Welche Daten sollte ein Verein erheben?",
                                S,
                                [
                                    (
                                        "Nur die Daten, die er für seine Aufgaben braucht",
                                        True,
                                        "Richtig: Das ist der Grundsatz der Datenminimierung.",
                                    ),
                                    (
                                        "Möglichst viele – man weiß nie, wofür",
                                        False,
                                        "Das widerspricht der DSGVO.",
                                    ),
                                ],
                            )
                        ],
                    ),
                ],
            ),
        ],
    },
]

# The English version of the funding module (same block order, so the same block ids).
FUNDING_EN = {
    "slug": "applying-for-funding",
    "title": "Finding and applying for funding",
    "summary": (
        "Where to find money for your projects, how to write a convincing application and "
        "what to do after the grant is approved."
    ),
    "objectives": [
        "You know the main sources of funding.",
        "You write an application with a clear project logic.",
        "You draw up a budget with your own contribution.",
        "You know what goes into the final report.",
    ],
    "lessons": [
        (
            "finding-funding",
            "Finding funding",
            "Public programmes, foundations, donations.",
            20,
            [
                ("video", "foerdermittel-finden"),
                (
                    "text",
                    "<p>There are three main sources: <b>public funding programmes</b> of the "
                    "federal government, the states and municipalities, <b>foundations</b>, and "
                    "<b>donations and sponsorship</b>.</p><p>Public programmes often fund "
                    "larger projects over several years but require detailed evidence. "
                    "Foundations are often more flexible and also fund small projects. "
                    "Donations can be spent freely but are hard to plan.</p><p>Use funding "
                    "databases and the newsletters of state associations, and put deadlines "
                    "into a shared calendar straight away.</p>",
                ),
                (
                    "quiz",
                    [
                        (
                            "Which money may an association spend most freely?",
                            S,
                            [
                                (
                                    "Donations without a designated purpose",
                                    True,
                                    "Right: free donations are not tied to a project.",
                                ),
                                (
                                    "A grant from a federal programme",
                                    False,
                                    "Public money is tied to the approved purpose.",
                                ),
                                (
                                    "Project funding from a foundation",
                                    False,
                                    "Foundations also tie their funding to a project.",
                                ),
                            ],
                        )
                    ],
                ),
            ],
        ),
        (
            "writing-the-application",
            "Writing the application",
            "Situation, goals, activities, impact.",
            25,
            [
                (
                    "text",
                    "<p>A convincing application follows a clear logic: the <b>situation</b> "
                    "(what is the problem?), <b>goals</b> (what should change?), <b>activities"
                    "</b> (what will you do?) and <b>impact</b> (how will success show?).</p>"
                    "<p>Be specific and use figures. Read the funding guidelines carefully and "
                    "use their terms. Ask someone who does not know the project to read the "
                    "application.</p>",
                ),
                ("download", "checkliste-foerderantrag"),
                (
                    "transfer",
                    "Which project of your association would you like to apply for funding "
                    "for? Describe the situation in two sentences.",
                ),
            ],
        ),
        (
            "budget",
            "Drawing up the budget",
            "Costs, income, own contribution.",
            25,
            [
                (
                    "text",
                    "<p>The budget lists all <b>costs</b> (staff, fees, rent, material, "
                    "travel) and all <b>income</b> (the grant applied for, own funds, third-"
                    "party funds). Both sides must add up to the same amount.</p><p>Many "
                    "programmes require an <b>own contribution</b>, for example ten per cent. "
                    "It can often also be volunteer work valued in money – ask the funder.</p>",
                ),
                (
                    "quiz",
                    [
                        (
                            "A project costs 20,000 euros. The own contribution is 10 per "
                            "cent. How much funding do you apply for at most?",
                            S,
                            [
                                ("18,000 euros", True, "Right: you raise 2,000 euros yourself."),
                                (
                                    "20,000 euros",
                                    False,
                                    "Then the own contribution of 2,000 euros is missing.",
                                ),
                                (
                                    "22,000 euros",
                                    False,
                                    "Funding can never be higher than the costs.",
                                ),
                            ],
                        ),
                        (
                            "What can count as own contribution, depending on the programme?",
                            M,
                            [
                                ("The association's own money", True, "Right."),
                                (
                                    "Volunteer work valued in money",
                                    True,
                                    "Right, if the funding guidelines allow it.",
                                ),
                                (
                                    "Money from the same funding programme",
                                    False,
                                    "No, the own contribution must come from other sources.",
                                ),
                            ],
                        ),
                    ],
                ),
            ],
        ),
        (
            "final-report",
            "After approval: the final report",
            "Keep receipts and report.",
            20,
            [
                (
                    "text",
                    "<p>With the grant notice comes responsibility: spend the money only for "
                    "the approved purpose, keep all receipts and meet the deadlines.</p><p>At "
                    "the end comes the <b>final report</b>: a narrative report (what was "
                    "achieved?) and a financial report (what was the money spent on?). Keep "
                    "the documents for at least five years.</p>",
                ),
                (
                    "checklist",
                    (
                        "After approval",
                        [
                            "Grant notice read, conditions noted",
                            "Folder for receipts created",
                            "Date for the final report in the calendar",
                            "Photos and attendance lists collected for the report",
                        ],
                    ),
                ),
            ],
        ),
    ],
}

PATHS = [
    {
        "slug": "foerdermittel-in-vier-schritten",
        "title": "Fördermittel beantragen in vier Schritten",
        "intro": (
            "Für Vorstände und Hauptamtliche, die zum ersten Mal einen Förderantrag stellen: "
            "vom Leitbild über das Projektziel bis zum Antrag und zur Pressearbeit für das "
            "bewilligte Projekt."
        ),
        "topics": ["finanzierung", "projektmanagement"],
        "modules": [
            ("leitbild-entwickeln", "Grundlage: Wofür steht Ihr Verband?"),
            ("projekte-planen", "Aus der Idee wird ein Projekt."),
            ("foerdermittel-beantragen", "Der Antrag selbst."),
            ("pressearbeit-fuer-vereine", "Das bewilligte Projekt bekannt machen."),
        ],
    },
    {
        "slug": "gut-aufgestellt-im-vorstand",
        "title": "Gut aufgestellt im Vorstand",
        "intro": (
            "Für neu gewählte Vorstände: Aufgaben verteilen, Mitglieder gewinnen und den Verband "
            "nach außen vertreten."
        ),
        "topics": ["organisation-fuehrung", "mitgliedermanagement"],
        "modules": [
            ("vorstandsarbeit-organisieren", ""),
            ("mitglieder-gewinnen-und-binden", ""),
            ("interessen-vertreten", "Wenn der Vorstand eingespielt ist."),
        ],
    },
]

VIDEOS = [
    (
        "foerdermittel-finden",
        "Fördermittel finden: die drei Quellen",
        "Finding funding: the three sources",
        "finanzierung",
        "Öffentliche Programme, Stiftungen, Spenden – und ein Tipp für Fristen.",
        "Public programmes, foundations, donations – and a tip about deadlines.",
        [
            ("0:00", "Einführung", "Introduction"),
            ("0:04", "Drei Quellen", "Three sources"),
            ("0:09", "Tipp", "Tip"),
        ],
    ),
    (
        "smarte-projektziele",
        "SMARTe Projektziele in 15 Sekunden",
        "SMART project goals in 15 seconds",
        "projektmanagement",
        "Was SMART bedeutet – mit einem Beispiel aus der Elternarbeit.",
        "What SMART means – with an example from work with parents.",
        [],
    ),
    (
        "vorstandsarbeit-aufteilen",
        "Vorstandsarbeit fair aufteilen",
        "Sharing the board's work fairly",
        "organisation-fuehrung",
        "Zuständigkeiten und Vertretungen im Vorstand.",
        "Responsibilities and deputies on the board.",
        [],
    ),
    (
        "pressemitteilung-schreiben",
        "Die Pressemitteilung in drei Schritten",
        "The press release in three steps",
        "oeffentlichkeitsarbeit",
        "Die W-Fragen, ein Zitat und der Kontakt.",
        "The key questions, a quote and the contact.",
        [],
    ),
    (
        "mitglieder-gewinnen",
        "Neue Mitglieder gewinnen",
        "Winning new members",
        "mitgliedermanagement",
        "Persönliche Ansprache und eine gute Begrüßung.",
        "Personal contact and a good welcome.",
        [],
    ),
    (
        "leitbild-entwickeln",
        "Warum ein Leitbild?",
        "Why a mission statement?",
        "strategie",
        "Was ein Leitbild sagt und wie es entsteht.",
        "What a mission statement says and how it is made.",
        [
            ("0:00", "Die Frage", "The question"),
            ("0:04", "Drei Inhalte", "Three contents"),
            ("0:09", "Gemeinsam entwickeln", "Developing it together"),
        ],
    ),
]


# --- Media -----------------------------------------------------------------------------------


def _font(weight: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONTS / f"FiraSans-{weight}.woff2"), size)


_COLOURS = {
    "strategie": (0, 75, 135),
    "projektmanagement": (0, 107, 63),
    "organisation-fuehrung": (94, 53, 177),
    "finanzierung": (143, 68, 0),
    "oeffentlichkeitsarbeit": (170, 30, 80),
    "netzwerk-interessenvertretung": (0, 96, 128),
    "mitgliedermanagement": (29, 32, 52),
}


def _image(title: str, heading: str, topic: TopicField) -> Any:
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).first()
    if existing is not None:
        return existing
    canvas = PillowImage.new("RGB", (960, 540), _COLOURS.get(topic.slug, (0, 75, 135)))
    draw = ImageDraw.Draw(canvas)
    draw.text((56, 48), f"VAMOs · {topic.name_de}", font=_font("Medium", 30), fill="white")
    words, lines, line = heading.split(), [], ""
    for word in words:
        if len(line) + len(word) > 26:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    for index, text in enumerate(lines[:4]):
        draw.text((56, 200 + index * 64), text, font=_font("Bold", 54), fill="white")
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG", optimize=True)
    return image_model.objects.create(
        title=title, file=ImageFile(buffer, name=f"{title.lower().replace(' ', '-')[:60]}.png")
    )


def _documents() -> dict[str, Any]:
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    document_model = get_document_model()
    title = "Checkliste Förderantrag"
    document = document_model.objects.filter(title=title).first()
    if document is None:
        items = [
            "Förderrichtlinie gelesen und Fördervoraussetzungen geprüft",
            "Antragsfrist und Einreichungsweg notiert",
            "Ausgangslage mit Zahlen und Beispielen beschrieben",
            "Ziele SMART formuliert",
            "Maßnahmen und Zeitplan beschrieben",
            "Finanzplan mit Eigenanteil aufgestellt; Ausgaben und Einnahmen gleich hoch",
            "Satzung, Freistellungsbescheid und Registerauszug beigefügt",
            "Antrag gegengelesen und vom Vorstand unterschrieben",
        ]
        html = (
            "<html lang='de'><head><meta charset='utf-8'><title>Checkliste Förderantrag</title>"
            "<style>body{font-family:sans-serif;font-size:12pt}li{margin:6pt 0}</style></head>"
            "<body><h1>Checkliste Förderantrag</h1><p>VAMOs – Modul „Fördermittel finden und "
            "beantragen“</p><ul>"
            + "".join(f"<li>☐ {item}</li>" for item in items)
            + "</ul></body></html>"
        )
        pdf = HTML(string=html, url_fetcher=URLFetcher(allowed_protocols={"data"})).write_pdf()
        document = document_model.objects.create(
            title=title, file=ContentFile(pdf, name="checkliste-foerderantrag.pdf")
        )
    return {"checkliste-foerderantrag": document}


def _videos(topics: dict[str, TopicField]) -> dict[str, Video]:
    videos = {}
    for slug, title_de, title_en, topic, description_de, description_en, chapters in VIDEOS:
        video = Video.objects.filter(slug=slug).first()
        if video is None:
            captions_de = (MEDIA / f"{slug}.de.vtt").read_text(encoding="utf-8")
            captions_en = (MEDIA / f"{slug}.en.vtt").read_text(encoding="utf-8")
            video = Video(
                slug=slug,
                title_de=title_de,
                title_en=title_en,
                description_de=description_de,
                description_en=description_en,
                language="de",
                duration_seconds=15,
                transcript_de=_transcript(captions_de),
                transcript_en=_transcript(captions_en),
                poster=_image(f"Videobild {title_de}", title_de, topics[topic]),
            )
            video.file.save(
                f"{slug}.webm", ContentFile((MEDIA / f"{slug}.webm").read_bytes()), save=False
            )
            video.save()
            video.topic_fields.set([topics[topic]])
            for language, content in (("de", captions_de), ("en", captions_en)):
                caption = VideoCaption(video=video, language=language)
                caption.file.save(
                    f"{slug}.{language}.vtt", ContentFile(content.encode()), save=False
                )
                caption.save()
            for start, chapter_de, chapter_en in chapters:
                VideoChapter.objects.create(
                    video=video, start=start, title_de=chapter_de, title_en=chapter_en
                )
            video.save_revision().publish()
        videos[slug] = video
    return videos


def _transcript(vtt: str) -> str:
    lines = [
        line
        for line in vtt.splitlines()[1:]
        if line.strip() and "-->" not in line and not line.strip().isdigit()
    ]
    return "\n".join(lines)


# --- Pages -----------------------------------------------------------------------------------


def _stream(
    key: str, blocks: list[tuple[str, Any]], media: dict[str, Any], language: str
) -> list[dict]:
    stream = []
    for index, (kind, value) in enumerate(blocks):
        block_id = _id(key, index)
        if kind == "text":
            stream.append({"type": "text", "value": value, "id": block_id})
        elif kind == "video":
            stream.append(
                {
                    "type": "video",
                    "value": {"video": media["videos"][value].pk, "note": ""},
                    "id": block_id,
                }
            )
        elif kind == "download":
            stream.append(
                {
                    "type": "download",
                    "value": {
                        "document": media["documents"][value].pk,
                        "title": "",
                        "description": "",
                    },
                    "id": block_id,
                }
            )
        elif kind == "quiz":
            stream.append(
                {"type": "quiz", "value": _quiz(block_id, value, language), "id": block_id}
            )
        elif kind == "transfer":
            stream.append(
                {"type": "transfer_task", "value": {"prompt": value, "hint": ""}, "id": block_id}
            )
        elif kind == "checklist":
            title, items = value
            stream.append(
                {
                    "type": "checklist",
                    "value": {
                        "title": title,
                        "items": [
                            {"type": "item", "value": item, "id": _id(block_id, n)}
                            for n, item in enumerate(items)
                        ],
                    },
                    "id": block_id,
                }
            )
    return stream


def _quiz(block_id: str, questions: list[Any], language: str) -> dict[str, Any]:
    return {
        "title": "Prüfen Sie Ihr Wissen" if language == "de" else "Check your knowledge",
        "intro": "",
        "pass_mark": 80,
        "questions": [
            {
                "type": "item",
                "id": _id(block_id, "q", n),
                "value": {
                    "question": text,
                    "kind": kind,
                    "answers": [
                        {
                            "type": "item",
                            "id": _id(block_id, "q", n, "a", m),
                            "value": {"text": answer, "correct": correct, "feedback": feedback},
                        }
                        for m, (answer, correct, feedback) in enumerate(answers)
                    ],
                },
            }
            for n, (text, kind, answers) in enumerate(questions)
        ],
    }


def _publish(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _libraries() -> tuple[LearningLibraryPage, LearningLibraryPage]:
    german = Locale.objects.get_or_create(language_code="de")[0]
    english = Locale.objects.get_or_create(language_code="en")[0]
    root = Page.get_first_root_node()
    library_de = LearningLibraryPage.objects.filter(locale=german).first()
    if library_de is None:
        library_de = _publish(
            root,
            LearningLibraryPage(
                title="Lernbibliothek",
                slug="lernbibliothek",
                locale=german,
                intro=(
                    "E-Learning-Module, Lernpfade und Lernvideos in den sieben Themenfeldern "
                    "der Akademie – kostenfrei für angemeldete Organisationen, in Ihrem Tempo "
                    "und auf jedem Gerät."
                ),
            ),
        )
    library_en = LearningLibraryPage.objects.filter(locale=english).first()
    if library_en is None:
        library_en = _publish(
            root,
            LearningLibraryPage(
                title="Learning library",
                slug="learning-library",
                locale=english,
                translation_key=library_de.translation_key,
                intro=(
                    "E-learning modules, learning paths and learning videos in the academy's "
                    "seven topic fields – free for registered organisations, at your own pace "
                    "and on any device."
                ),
            ),
        )
    return library_de, library_en


def _module(
    library: Page,
    data: dict[str, Any],
    topic: TopicField,
    media: dict[str, Any],
    *,
    key_slug: str,
    translation_of: ModulePage | None = None,
    level: str = "",
    duration: int = 0,
) -> ModulePage:
    module = ModulePage.objects.child_of(library).filter(slug=data["slug"]).first()
    if module is not None:
        return module
    extra = {"translation_key": translation_of.translation_key} if translation_of else {}
    module = ModulePage(
        title=data["title"],
        slug=data["slug"],
        locale=library.locale,
        summary=data["summary"],
        level=level or data["level"],
        duration_minutes=duration or data["duration"],
        objectives="\n".join(data["objectives"]),
        cover_image=(
            translation_of.cover_image
            if translation_of
            else _image(f"Titelbild {data['title']}", data["title"], topic)
        ),
        **extra,
    )
    module.topic_fields = [topic]
    _publish(library, module)
    german_lessons = (
        list(LessonPage.objects.child_of(translation_of).order_by("path")) if translation_of else []
    )
    for index, (slug, title, summary, minutes, blocks) in enumerate(data["lessons"]):
        lesson_extra = (
            {"translation_key": german_lessons[index].translation_key}
            if index < len(german_lessons)
            else {}
        )
        _publish(
            module,
            LessonPage(
                title=title,
                slug=slug,
                locale=library.locale,
                summary=summary,
                duration_minutes=minutes,
                body=_stream(f"{key_slug}/{index}", blocks, media, library.locale.language_code),
                **lesson_extra,
            ),
        )
    return module


def _paths(library: Page, modules: dict[str, ModulePage], topics: dict[str, TopicField]) -> None:
    for data in PATHS:
        if LearningPathPage.objects.child_of(library).filter(slug=data["slug"]).exists():
            continue
        first_topic = topics[data["topics"][0]]
        path = LearningPathPage(
            title=data["title"],
            slug=data["slug"],
            locale=library.locale,
            intro=data["intro"],
            cover_image=_image(f"Titelbild {data['title']}", data["title"], first_topic),
        )
        path.topic_fields = [topics[slug] for slug in data["topics"]]
        path.path_modules = [
            LearningPathModule(module=modules[slug], note=note, sort_order=n)
            for n, (slug, note) in enumerate(data["modules"])
        ]
        _publish(library, path)


# --- Progress of the demo learners -----------------------------------------------------------


def _learn(user: User, module: ModulePage, lessons: int, *, days_ago: int) -> None:
    """Record that ``user`` worked through the first ``lessons`` lessons (quizzes passed)."""
    from vamos.learning.blocks import list_items

    pages = list(LessonPage.objects.child_of(module).live().order_by("path"))
    when = timezone.now() - timedelta(days=days_ago)
    for offset, lesson in enumerate(pages[:lessons]):
        moment = when + timedelta(minutes=20 * offset)
        LessonProgress.objects.get_or_create(
            user=user,
            lesson_key=lesson.translation_key,
            defaults={
                "module_key": module.translation_key,
                "last_visited_at": moment,
                "completed_at": moment,
            },
        )
        for block in lesson.blocks_of("quiz"):
            answers = {
                question_id: [
                    key for key, answer in list_items(question["answers"]) if answer["correct"]
                ]
                for question_id, question in list_items(block.value["questions"])
            }
            if not QuizAttempt.objects.filter(
                user=user, lesson_key=lesson.translation_key, block_id=block.id
            ).exists():
                QuizAttempt.objects.create(
                    user=user,
                    lesson_key=lesson.translation_key,
                    block_id=block.id,
                    answers=answers,
                    correct=len(answers),
                    questions=len(answers),
                    pass_mark=block.value["pass_mark"],
                    passed=True,
                )
    completed = lessons >= len(pages)
    end = when + timedelta(minutes=20 * lessons)
    ModuleProgress.objects.get_or_create(
        user=user,
        module_key=module.translation_key,
        defaults={
            "last_activity_at": end,
            "lessons_total": len(pages),
            "lessons_completed": min(lessons, len(pages)),
            "last_lesson_key": pages[min(lessons, len(pages)) - 1].translation_key,
            "completed_at": end if completed else None,
        },
    )
    if (
        completed
        and not Certificate.objects.filter(user=user, module_key=module.translation_key).exists()
    ):
        membership = user.memberships.select_related("organisation").order_by("created_at").first()
        Certificate.objects.create(
            user=user,
            module_key=module.translation_key,
            issued_at=end,
            language=user.language,
            learner_name=user.get_full_name() or user.email,
            organisation_name=membership.organisation.name if membership else "",
            module_title=module.title,
            topic_fields=", ".join(t.name_de for t in module.topic_fields.all()),
            duration_minutes=module.duration_minutes,
        )


def _progress(modules: dict[str, ModulePage]) -> None:
    people = {user.email: user for user in User.objects.filter(email__endswith="demo.vamos.test")}
    lamo = Organisation.objects.filter(slug="lv-migrantenorganisationen-nrw").first()
    ayse = people.get("ayse@demo.vamos.test")
    dimitri = people.get("dimitri@demo.vamos.test")
    if ayse is not None:
        _learn(ayse, modules["leitbild-entwickeln"], 4, days_ago=40)
        _learn(ayse, modules["foerdermittel-beantragen"], 2, days_ago=6)
        lesson = LessonPage.objects.child_of(modules["leitbild-entwickeln"]).get(
            slug="leitbild-gemeinsam-erarbeiten"
        )
        block = lesson.blocks_of("transfer_task")[0]
        TransferAnswer.objects.get_or_create(
            user=ayse,
            lesson_key=lesson.translation_key,
            block_id=block.id,
            defaults={
                "module_key": modules["leitbild-entwickeln"].translation_key,
                "module_title": modules["leitbild-entwickeln"].title,
                "lesson_title": lesson.title,
                "prompt": block.value["prompt"],
                "answer": (
                    "Wir beteiligen die Vorstände unserer 64 Mitgliedsvereine über eine kurze "
                    "Online-Umfrage auf Deutsch, Arabisch und Türkisch und laden die "
                    "Jugendgruppen zu einem eigenen Workshop ein."
                ),
                "shared_with": lamo,
                "shared_at": timezone.now() - timedelta(days=38),
            },
        )
    if dimitri is not None:
        _learn(dimitri, modules["projekte-planen"], 2, days_ago=3)
        _learn(dimitri, modules["mitglieder-gewinnen-und-binden"], 4, days_ago=20)
    if lamo is not None:
        members = list(
            User.objects.filter(
                memberships__organisation=lamo, email__startswith="person."
            ).order_by("email")
        )
        plans = [
            [("leitbild-entwickeln", 4, 30), ("pressearbeit-fuer-vereine", 1, 2)],
            [("foerdermittel-beantragen", 4, 12), ("leitbild-entwickeln", 2, 9)],
            [("vorstandsarbeit-organisieren", 1, 4)],
        ]
        for person, plan in zip(members, plans, strict=False):
            for slug, lessons, days in plan:
                _learn(person, modules[slug], lessons, days_ago=days)
        if len(members) > 1:
            SharingConsent.objects.get_or_create(user=members[1], organisation=lamo)


def seed_learning() -> None:
    topics = {topic.slug: topic for topic in TopicField.objects.all()}
    media = {"videos": _videos(topics), "documents": _documents()}
    library_de, library_en = _libraries()
    modules = {}
    for data in MODULES:
        modules[data["slug"]] = _module(
            library_de, data, topics[data["topic"]], media, key_slug=data["slug"]
        )
    german_funding = modules["foerdermittel-beantragen"]
    _module(
        library_en,
        FUNDING_EN,
        topics["finanzierung"],
        media,
        key_slug="foerdermittel-beantragen",
        translation_of=german_funding,
        level=german_funding.level,
        duration=german_funding.duration_minutes,
    )
    _paths(library_de, modules, topics)
    _progress(modules)
