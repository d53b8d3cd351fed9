"""The public website: the demo's German and English page trees (the same at every scale) and
two news articles a month over three years (70 at 1×)."""

import datetime

from vamos.demo.content import seed_site
from vamos.website.models import NewsArticlePage, NewsIndexPage

from .base import Scale, World, bulk_through, insert_children, page_rows, paragraph


def seed(scale: Scale, world: World) -> None:
    seed_site()
    news = NewsIndexPage.objects.filter(locale__language_code="de").first()
    if news is None:
        return
    count = scale.n(70)
    specs = []
    for index in range(count):
        day = scale.today - datetime.timedelta(days=round(index * 1095 / count))
        title = f"Neues aus der Akademie: {day:%m/%Y} ({index + 1})"
        specs.append(
            {
                "title": title,
                "slug": f"meldung-{index + 1}",
                "translation_key": scale.uuid(),
                "published_at": datetime.datetime.combine(
                    day, datetime.time(9), tzinfo=scale.now.tzinfo
                ),
                "date": day,
            }
        )
    dates = [spec.pop("date") for spec in specs]
    rows = page_rows(news, NewsArticlePage, specs, numchild=0)
    insert_children(
        NewsArticlePage,
        [
            NewsArticlePage(
                page_ptr_id=row.pk,
                intro=paragraph(scale, 2),
                date=day,
                body=[
                    {
                        "type": "paragraph",
                        "value": f"<p>{paragraph(scale, 4)}</p>",
                        "id": str(scale.uuid()),
                    },
                    {
                        "type": "paragraph",
                        "value": f"<p>{paragraph(scale, 4)}</p>",
                        "id": str(scale.uuid()),
                    },
                ],
            )
            for row, day in zip(rows, dates, strict=True)
        ],
    )
    bulk_through(
        NewsArticlePage.topic_fields,
        [(row.pk, scale.pick(world.topic_fields).pk) for row in rows],
    )
    world.counts["news articles"] = len(rows)
