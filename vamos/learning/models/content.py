"""Learning content authored in the back office.

Modules, lessons and learning paths are Wagtail pages in a page tree of their own (the
learning library, beside the website's tree), so editors get drafts, preview, revisions,
scheduled publishing, ordering and "Translate" from Wagtail. Learners never reach them
through Wagtail's page serving: the pages' URLs point to the learning app's views, which
check who may learn.

Videos are snippets with drafts and revisions; their text exists in German and English
(``title_de``/``title_en``, like topic fields), their captions once per language.
"""

from typing import Any

from django import forms
from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    PublishingPanel,
)
from wagtail.fields import StreamField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    Page,
    PreviewableMixin,
    RevisionMixin,
    Site,
)
from wagtail.search import index

from vamos.core.models import TopicField
from vamos.core.translation import TranslatedField

from ..blocks import LessonBodyBlock
from ..media import external_embed, validate_video_file, validate_webvtt_file


class Level(models.TextChoices):
    INTRODUCTORY = "introductory", _("Introductory")
    INTERMEDIATE = "intermediate", _("Intermediate")
    ADVANCED = "advanced", _("Advanced")


def _url_parts(page: Page, request: HttpRequest | None, name: str, **kwargs: Any) -> Any:
    """``get_url_parts`` for pages that the learning app's views show."""
    site = Site.find_for_request(request) if request is not None else None
    site = site or Site.objects.filter(is_default_site=True).first()
    with translation.override(page.locale.language_code):
        path = reverse(name, kwargs=kwargs or None)
    if site is None:
        return (None, "", path)
    return (site.pk, site.root_url, path)


class LearnerRoutedPage(Page):
    """A page of the learning library: shown by the learning app's views, previewed here."""

    # Not part of the website's menus (its menu lists pages at depth 3 of every tree).
    promote_panels = [
        MultiFieldPanel(
            [FieldPanel("slug"), FieldPanel("seo_title"), FieldPanel("search_description")],
            heading=_("For search engines"),
        )
    ]

    class Meta:
        abstract = True

    def serve(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if getattr(request, "is_preview", False):
            return self.serve_preview(request, "")
        return redirect(self.get_url(request) or "/")

    def serve_preview(self, request: HttpRequest, mode_name: str) -> HttpResponse:
        from ..views.preview import render_preview

        return render_preview(request, self)


class LearningLibraryPage(LearnerRoutedPage):
    """The root of all learning content (one per language): holds modules and paths."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("Shown on top of the catalogue."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["learning.ModulePage", "learning.LearningPathPage"]

    class Meta:
        verbose_name = _("learning library")

    @classmethod
    def can_create_at(cls, parent: Page) -> bool:
        # One library; its English version is made with "Translate".
        return super().can_create_at(parent) and not cls.objects.exists()

    def get_url_parts(self, request: HttpRequest | None = None) -> Any:
        return _url_parts(self, request, "learning:catalogue")


class ModulePage(LearnerRoutedPage):
    """An e-learning module: metadata here, its lessons are its child pages (in order)."""

    summary = models.TextField(
        _("summary"), max_length=600, help_text=_("Two or three sentences for the catalogue.")
    )
    topic_fields = ParentalManyToManyField(
        TopicField, verbose_name=_("topic fields"), related_name="+"
    )
    level = models.CharField(
        _("level"), max_length=20, choices=Level.choices, default=Level.INTRODUCTORY
    )
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"), help_text=_("How long learners need for the whole module.")
    )
    objectives = models.TextField(
        _("learning objectives"),
        help_text=_('One objective per line, e.g. "You can name three sources of funding."'),
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("topic_fields", widget=forms.CheckboxSelectMultiple),
        FieldRowPanel([FieldPanel("level"), FieldPanel("duration_minutes")]),
        FieldPanel("objectives"),
        FieldPanel("cover_image"),
        HelpPanel(
            content=_(
                "Lessons are the pages below this module, in the order shown there. "
                "The module's language is the language of its page tree; use "
                '"Translate" for the English version.'
            )
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("objectives"),
    ]
    parent_page_types = ["learning.LearningLibraryPage"]
    subpage_types = ["learning.LessonPage"]
    # The explorer lists the lessons in their order (editors drag them to reorder).
    admin_default_ordering = "ord"

    class Meta:
        verbose_name = _("module")
        verbose_name_plural = _("modules")

    def get_url_parts(self, request: HttpRequest | None = None) -> Any:
        return _url_parts(self, request, "learning:module", slug=self.slug)

    @property
    def objective_list(self) -> list[str]:
        return [line.strip(" -•\t") for line in self.objectives.splitlines() if line.strip()]

    @cached_property
    def language_code(self) -> str:
        return self.locale.language_code


class LessonPage(LearnerRoutedPage):
    summary = models.TextField(_("summary"), blank=True, max_length=400)
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"), null=True, blank=True
    )
    body = StreamField(LessonBodyBlock(), verbose_name=_("content"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("duration_minutes"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types = ["learning.ModulePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    def get_url_parts(self, request: HttpRequest | None = None) -> Any:
        parent = self.get_parent()
        if parent is None:
            return None
        return _url_parts(
            self, request, "learning:lesson", module_slug=parent.slug, lesson_slug=self.slug
        )

    def blocks_of(self, kind: str) -> list[Any]:
        return [block for block in self.body if block.block_type == kind]


class LearningPathPage(LearnerRoutedPage):
    """A curated sequence of modules, e.g. "Fördermittel beantragen in vier Schritten"."""

    intro = models.TextField(_("introduction"), help_text=_("Who the path is for and why."))
    topic_fields = ParentalManyToManyField(
        TopicField, verbose_name=_("topic fields"), related_name="+", blank=True
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("cover image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("topic_fields", widget=forms.CheckboxSelectMultiple),
        FieldPanel("cover_image"),
        InlinePanel("path_modules", label=_("Modules in order"), min_num=1),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["learning.LearningLibraryPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("learning path")
        verbose_name_plural = _("learning paths")

    def get_url_parts(self, request: HttpRequest | None = None) -> Any:
        return _url_parts(self, request, "learning:path", slug=self.slug)


class LearningPathModule(Orderable):
    path = ParentalKey(LearningPathPage, on_delete=models.CASCADE, related_name="path_modules")
    module = models.ForeignKey(
        ModulePage, verbose_name=_("module"), on_delete=models.CASCADE, related_name="+"
    )
    note = models.CharField(
        _("note"),
        max_length=200,
        blank=True,
        help_text=_('Optional, e.g. "Start here if you have never applied for funding."'),
    )

    panels = [FieldPanel("module"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("module in the path")


# --- Videos ----------------------------------------------------------------------------------


class Video(
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    index.Indexed,
    ClusterableModel,
):
    """A learning video: an uploaded file or a privacy-friendly external embed."""

    title_de = models.CharField(_("title (German)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    slug = models.SlugField(_("address"), max_length=100, unique=True)
    description_de = models.TextField(_("description (German)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    topic_fields = ParentalManyToManyField(
        TopicField, verbose_name=_("topic fields"), related_name="+", blank=True
    )
    language = models.CharField(
        _("spoken language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )
    file = models.FileField(
        _("video file"),
        upload_to="learning/videos/",
        blank=True,
        validators=[validate_video_file],
        help_text=_("MP4 (H.264) or WebM. The content is checked, not the file name."),
    )
    external_url = models.URLField(
        _("external video (YouTube or Vimeo)"),
        blank=True,
        help_text=_(
            "Instead of a file: the address of the video on YouTube or Vimeo. It is loaded only "
            "after the learner agrees, never before."
        ),
    )
    external_has_captions = models.BooleanField(
        _("the external video has captions at its provider"), default=False
    )
    poster = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("poster image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown before the video plays (and instead of the external provider's)."),
    )
    duration_seconds = models.PositiveIntegerField(
        _("duration (seconds)"),
        null=True,
        blank=True,
        help_text=_("Filled in from uploaded files; enter it for external videos."),
    )
    transcript_de = models.TextField(_("transcript (German)"), blank=True)
    transcript_en = models.TextField(_("transcript (English)"), blank=True)
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="learning_video")

    title = TranslatedField("title")
    description = TranslatedField("description")
    transcript = TranslatedField("transcript")

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("title_de"),
                FieldPanel("title_en"),
                FieldPanel("slug"),
                FieldPanel("language"),
                FieldPanel("topic_fields", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Video"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("file"),
                FieldPanel("external_url"),
                FieldPanel("external_has_captions"),
                FieldPanel("poster"),
                FieldPanel("duration_seconds"),
            ],
            heading=_("Source"),
        ),
        MultiFieldPanel(
            [FieldPanel("description_de"), FieldPanel("description_en")],
            heading=_("Description"),
        ),
        InlinePanel(
            "captions",
            heading=_("Captions (WebVTT)"),
            label=_("Caption file"),
            help_text=_(
                "One WebVTT file per language. A video without captions excludes deaf and "
                "hard-of-hearing learners; you are warned when you publish one."
            ),
        ),
        MultiFieldPanel(
            [FieldPanel("transcript_de"), FieldPanel("transcript_en")],
            heading=_("Transcript"),
        ),
        InlinePanel("chapters", heading=_("Chapters"), label=_("Chapter")),
        PublishingPanel(),
    ]
    search_fields = [
        index.SearchField("title_de", boost=2),
        index.SearchField("title_en", boost=2),
        index.SearchField("description_de"),
        index.SearchField("description_en"),
        index.SearchField("transcript_de"),
        index.SearchField("transcript_en"),
        index.AutocompleteField("title_de"),
        index.FilterField("live"),
    ]

    class Meta:
        verbose_name = _("video")
        verbose_name_plural = _("videos")
        ordering = ["title_de"]

    def __str__(self) -> str:
        return self.title

    @property
    def revisions(self) -> Any:
        return self._revisions

    def clean(self) -> None:
        super().clean()
        if not self.file and not self.external_url:
            raise ValidationError(
                {"file": _("Upload a video file or give the address of an external video.")}
            )
        if self.file and self.external_url:
            raise ValidationError(
                {"external_url": _("Give either a file or an external address, not both.")}
            )
        if self.external_url and external_embed(self.external_url) is None:
            raise ValidationError(
                {
                    "external_url": _(
                        "Only YouTube and Vimeo addresses can be embedded, e.g. "
                        "https://www.youtube.com/watch?v=… or https://vimeo.com/…"
                    )
                }
            )

    @property
    def is_external(self) -> bool:
        return bool(self.external_url)

    @property
    def embed(self) -> Any:
        return external_embed(self.external_url) if self.external_url else None

    @property
    def has_captions(self) -> bool:
        if self.is_external:
            return self.external_has_captions
        return bool(self.caption_languages)

    def caption_summary(self) -> str:
        if self.is_external:
            return _("at the provider") if self.external_has_captions else _("none")
        languages = dict(settings.LANGUAGES)
        names = [str(languages.get(code, code)) for code in self.caption_languages]
        return ", ".join(names) or str(_("none"))

    caption_summary.short_description = _("captions")  # type: ignore[attr-defined]

    @property
    def caption_languages(self) -> list[str]:
        return [caption.language for caption in self.captions.all()]

    def get_preview_template(self, request: HttpRequest, mode_name: str) -> str:
        return "learning/video_detail.html"

    def get_preview_context(self, request: HttpRequest, mode_name: str) -> dict[str, Any]:
        from ..views.preview import video_preview_context

        return video_preview_context(request, self)


class VideoCaption(Orderable):
    video = ParentalKey(Video, on_delete=models.CASCADE, related_name="captions")
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    file = models.FileField(
        _("WebVTT file"),
        upload_to="learning/captions/",
        validators=[validate_webvtt_file],
        help_text=_("A .vtt file saved as UTF-8. Mistakes are reported with their line."),
    )

    panels = [FieldRowPanel([FieldPanel("language"), FieldPanel("file")])]

    class Meta(Orderable.Meta):
        verbose_name = _("caption file")
        verbose_name_plural = _("caption files")

    def __str__(self) -> str:
        return f"{self.video_id} {self.language}"


_START = RegexValidator(
    r"^(\d{1,2}:)?\d{1,2}:\d{2}$", _("Write the start as mm:ss or hh:mm:ss, e.g. 02:30.")
)


class VideoChapter(Orderable):
    video = ParentalKey(Video, on_delete=models.CASCADE, related_name="chapters")
    start = models.CharField(_("start (mm:ss)"), max_length=8, validators=[_START])
    title_de = models.CharField(_("title (German)"), max_length=120)
    title_en = models.CharField(_("title (English)"), max_length=120, blank=True)

    title = TranslatedField("title")

    panels = [FieldRowPanel([FieldPanel("start"), FieldPanel("title_de"), FieldPanel("title_en")])]

    class Meta(Orderable.Meta):
        verbose_name = _("chapter")
        verbose_name_plural = _("chapters")

    def __str__(self) -> str:
        return f"{self.start} {self.title}"

    @property
    def start_seconds(self) -> int:
        seconds = 0
        for part in self.start.split(":"):
            seconds = seconds * 60 + int(part)
        return seconds
