"""Generate the demo learning videos (WebM/VP9, silent slides) and their WebVTT captions.

The clips in this folder were made with this script and are committed, so ``seed_demo``
never needs ffmpeg or the network. To regenerate them, use a throw-away environment:

    python3 -m venv /tmp/clips && /tmp/clips/bin/pip install av pillow numpy
    /tmp/clips/bin/python vamos/learning/demo_media/generate_clips.py

PyAV is not a dependency of the platform.
"""

from pathlib import Path

import av  # type: ignore[import-not-found]
import numpy as np  # type: ignore[import-not-found]
from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
FONTS = HERE.parents[1] / "static" / "vendor" / "kern" / "fonts" / "fira-sans"
WIDTH, HEIGHT, FPS = 640, 360, 10
ACCENT = (0, 75, 135)
INK = (29, 32, 52)

# slug → (topic label, [(seconds, slide title, [bullet lines], de caption, en caption)])
CLIPS: dict[str, tuple[str, list[tuple[float, str, list[str], str, str]]]] = {
    "foerdermittel-finden": (
        "Finanzierung",
        [
            (
                4,
                "Fördermittel finden",
                [],
                "Wo finden Vereine passende Fördermittel?",
                "Where do associations find suitable funding?",
            ),
            (
                5.5,
                "Drei Quellen",
                ["Öffentliche Programme", "Stiftungen", "Spenden und Sponsoring"],
                "Es gibt drei große Quellen: öffentliche Programme, Stiftungen sowie Spenden "
                "und Sponsoring.",
                "There are three main sources: public programmes, foundations, and donations "
                "and sponsorship.",
            ),
            (
                5.5,
                "Tipp",
                ["Förderdatenbanken nutzen", "Fristen im Kalender notieren"],
                "Nutzen Sie Förderdatenbanken und tragen Sie Fristen sofort in Ihren Kalender ein.",
                "Use funding databases and put deadlines into your calendar straight away.",
            ),
        ],
    ),
    "smarte-projektziele": (
        "Projektmanagement",
        [
            (
                4,
                "SMARTe Projektziele",
                [],
                "Wie formulieren Sie ein gutes Projektziel?",
                "How do you phrase a good project goal?",
            ),
            (
                5.5,
                "SMART heißt",
                ["spezifisch, messbar", "attraktiv, realistisch", "terminiert"],
                "Ein Ziel ist spezifisch, messbar, attraktiv, realistisch und terminiert.",
                "A goal is specific, measurable, achievable, realistic and time-bound.",
            ),
            (
                5.5,
                "Beispiel",
                ["Bis Juni 2027 nehmen", "40 Eltern an 4 Infoabenden teil"],
                "Zum Beispiel: Bis Juni 2027 nehmen 40 Eltern an vier Infoabenden teil.",
                "For example: by June 2027, 40 parents take part in four information evenings.",
            ),
        ],
    ),
    "vorstandsarbeit-aufteilen": (
        "Organisation & Führung",
        [
            (
                4,
                "Vorstandsarbeit aufteilen",
                [],
                "Wie verteilt ein Vorstand seine Aufgaben fair?",
                "How does a board share its tasks fairly?",
            ),
            (
                5.5,
                "Zuständigkeiten",
                ["Finanzen", "Mitglieder", "Öffentlichkeit"],
                "Legen Sie feste Zuständigkeiten fest, etwa für Finanzen, Mitglieder und "
                "Öffentlichkeit.",
                "Agree on clear responsibilities, for example for finances, members and "
                "public relations.",
            ),
            (
                5.5,
                "Vertretung",
                ["Für jede Aufgabe", "eine Vertretung benennen"],
                "Benennen Sie für jede Aufgabe eine Vertretung, damit nichts liegen bleibt.",
                "Name a deputy for every task so that nothing is left undone.",
            ),
        ],
    ),
    "pressemitteilung-schreiben": (
        "Öffentlichkeitsarbeit",
        [
            (
                4,
                "Die Pressemitteilung",
                [],
                "So schreiben Sie eine Pressemitteilung.",
                "This is how you write a press release.",
            ),
            (
                5.5,
                "Die W-Fragen",
                ["Wer? Was? Wann?", "Wo? Wie? Warum?"],
                "Beantworten Sie im ersten Absatz die W-Fragen: wer, was, wann, wo, wie und warum.",
                "Answer the key questions in the first paragraph: who, what, when, where, how "
                "and why.",
            ),
            (
                5.5,
                "Zum Schluss",
                ["Zitat einbauen", "Kontakt angeben"],
                "Bauen Sie ein Zitat ein und geben Sie eine Ansprechperson für Rückfragen an.",
                "Add a quote and name a contact person for questions.",
            ),
        ],
    ),
    "mitglieder-gewinnen": (
        "Mitgliedermanagement",
        [
            (
                4,
                "Mitglieder gewinnen",
                [],
                "Wie gewinnt Ihr Verein neue Mitglieder?",
                "How does your association win new members?",
            ),
            (
                5.5,
                "Persönlich ansprechen",
                ["Veranstaltungen nutzen", "Mitglieder werben Mitglieder"],
                "Am besten wirkt die persönliche Ansprache, etwa bei Veranstaltungen.",
                "Personal contact works best, for example at events.",
            ),
            (
                5.5,
                "Willkommen heißen",
                ["Begrüßungsgespräch", "Patenschaft für Neue"],
                "Heißen Sie neue Mitglieder mit einem Gespräch und einer Patenschaft willkommen.",
                "Welcome new members with a conversation and a mentor.",
            ),
        ],
    ),
    "leitbild-entwickeln": (
        "Strategie",
        [
            (
                4,
                "Ein Leitbild entwickeln",
                [],
                "Warum braucht ein Verband ein Leitbild?",
                "Why does an association need a mission statement?",
            ),
            (
                5.5,
                "Das Leitbild sagt",
                ["Wer wir sind", "Wofür wir stehen", "Wohin wir wollen"],
                "Das Leitbild sagt, wer Sie sind, wofür Sie stehen und wohin Sie wollen.",
                "The mission statement says who you are, what you stand for and where you "
                "want to go.",
            ),
            (
                5.5,
                "Gemeinsam",
                ["Mitglieder beteiligen", "Regelmäßig überprüfen"],
                "Entwickeln Sie es gemeinsam mit den Mitgliedern und überprüfen Sie es regelmäßig.",
                "Develop it together with your members and review it regularly.",
            ),
        ],
    ),
}


def _font(weight: str, size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONTS / f"FiraSans-{weight}.woff2"), size)


def _slide(topic: str, title: str, bullets: list[str], number: int, total: int) -> Image.Image:
    title_slide = not bullets
    image = Image.new("RGB", (WIDTH, HEIGHT), ACCENT if title_slide else (255, 255, 255))
    draw = ImageDraw.Draw(image)
    colour = (255, 255, 255) if title_slide else INK
    draw.text((32, 24), f"VAMOs · {topic}", font=_font("Medium", 18), fill=colour)
    if title_slide:
        draw.text((32, 140), title, font=_font("Bold", 40), fill=colour)
    else:
        draw.text((32, 80), title, font=_font("Bold", 34), fill=ACCENT)
        for index, line in enumerate(bullets):
            draw.text((48, 145 + index * 44), f"• {line}", font=_font("Regular", 28), fill=INK)
    draw.text((WIDTH - 72, 24), f"{number}/{total}", font=_font("Regular", 18), fill=colour)
    return image


def _timestamp(seconds: float) -> str:
    minutes, rest = divmod(seconds, 60)
    return f"00:{int(minutes):02d}:{rest:06.3f}"


def _captions(slides: list[tuple[float, str, list[str], str, str]], column: int) -> str:
    lines = ["WEBVTT", ""]
    start = 0.0
    for index, slide in enumerate(slides, start=1):
        end = start + slide[0]
        lines += [str(index), f"{_timestamp(start)} --> {_timestamp(end)}", slide[column], ""]
        start = end
    return "\n".join(lines)


def generate(slug: str) -> None:
    topic, slides = CLIPS[slug]
    total_seconds = sum(slide[0] for slide in slides)
    container = av.open(str(HERE / f"{slug}.webm"), mode="w")
    stream = container.add_stream("libvpx-vp9", rate=FPS)
    stream.width, stream.height, stream.pix_fmt = WIDTH, HEIGHT, "yuv420p"
    stream.options = {"crf": "42", "b:v": "0", "deadline": "good", "cpu-used": "4"}
    frame_number = 0
    total_frames = int(total_seconds * FPS)
    for index, (seconds, title, bullets, _de, _en) in enumerate(slides, start=1):
        base = _slide(topic, title, bullets, index, len(slides))
        for _ in range(int(seconds * FPS)):
            image = base.copy()
            draw = ImageDraw.Draw(image)
            filled = int(WIDTH * frame_number / total_frames)
            draw.rectangle((0, HEIGHT - 8, WIDTH, HEIGHT), fill=(198, 201, 214))
            draw.rectangle((0, HEIGHT - 8, filled, HEIGHT), fill=(255, 196, 0))
            frame = av.VideoFrame.from_ndarray(np.asarray(image), format="rgb24")
            for packet in stream.encode(frame):
                container.mux(packet)
            frame_number += 1
    for packet in stream.encode():
        container.mux(packet)
    container.close()
    (HERE / f"{slug}.de.vtt").write_text(_captions(slides, 3) + "\n", encoding="utf-8")
    (HERE / f"{slug}.en.vtt").write_text(_captions(slides, 4) + "\n", encoding="utf-8")


if __name__ == "__main__":
    for clip in CLIPS:
        generate(clip)
        print(clip, (HERE / f"{clip}.webm").stat().st_size, "bytes")
