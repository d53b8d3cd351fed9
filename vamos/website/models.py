"""The public website: Wagtail pages in a German and an English page tree."""

from typing import Any

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.response import TemplateResponse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock
from wagtail.models import Page
from wagtail.search import index

from vamos.core import spam, versions
from vamos.core.models import TopicField


class CalloutBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"))
    text = blocks.RichTextBlock(label=_("Text"), features=["bold", "italic", "link"])
    link_page = blocks.PageChooserBlock(label=_("Link to page"), required=False)
    link_text = blocks.CharBlock(label=_("Link text"), required=False)

    class Meta:
        icon = "pick"
        label = _("Highlighted box")
        template = "website/blocks/callout.html"


class BodyBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(
        label=_("Heading"), form_classname="title", template="website/blocks/heading.html"
    )
    paragraph = blocks.RichTextBlock(label=_("Text"))
    image = ImageBlock(label=_("Image"), template="website/blocks/image.html")
    callout = CalloutBlock()

    class Meta:
        block_counts: dict[str, Any] = {}


class BasePage(Page):
    """Fields every public page shares."""

    intro = models.TextField(_("introduction"), blank=True)

    search_fields = [*Page.search_fields, index.SearchField("intro")]

    class Meta:
        abstract = True


class HomePage(BasePage):
    hero_title = models.CharField(_("headline"), max_length=200)
    hero_text = models.TextField(_("text under the headline"), blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("content"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("hero_title"),
        FieldPanel("hero_text"),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "website.StandardPage",
        "website.TopicFieldIndexPage",
        "website.NewsIndexPage",
        "website.ContactPage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        context["content_version"] = versions.tokens(
            type(self), TopicField, TopicFieldIndexPage, NewsArticlePage, get_image_model()
        )
        # Read only when the cached content is rendered again.
        context["topic_fields"] = TopicField.objects.all()
        context["topic_index"] = SimpleLazyObject(
            lambda: TopicFieldIndexPage.objects.live().filter(locale_id=self.locale_id).first()
        )
        context["latest_news"] = SimpleLazyObject(
            lambda: list(
                NewsArticlePage.objects.live()
                .public()
                .filter(locale_id=self.locale_id)
                .order_by("-date", "-pk")[:3]
            )
        )
        return context


class StandardPage(BasePage):
    """About the programme, imprint, privacy notice, accessibility statement, …"""

    class Role(models.TextChoices):
        IMPRINT = "imprint", _("Imprint (Impressum)")
        PRIVACY = "privacy", _("Privacy notice (Datenschutzerklärung)")
        ACCESSIBILITY = "accessibility", _("Accessibility statement")

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("content"))
    role = models.CharField(
        _("legal page"),
        max_length=20,
        choices=Role.choices,
        blank=True,
        help_text=_(
            "Marks the imprint, privacy notice and accessibility statement: they are linked in "
            "the footer and from forms. One page per role and language."
        ),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    promote_panels = [*Page.promote_panels, FieldPanel("role")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    subpage_types = ["website.StandardPage"]

    class Meta:
        verbose_name = _("content page")


class TopicFieldIndexPage(RoutablePageMixin, BasePage):
    """Lists the seven topic fields; each has its own page below this one."""

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("topic fields page")

    @path("")
    def index_route(self, request: HttpRequest) -> HttpResponse:
        return self.render(request, context_overrides={"topic_fields": TopicField.objects.all()})

    @path("<slug:slug>/")
    def topic_field(self, request: HttpRequest, slug: str) -> HttpResponse:
        topic = TopicField.objects.filter(slug=slug).first()
        if topic is None:
            raise Http404
        from .selectors import topic_field_offers

        return render(
            request,
            "website/topic_field_page.html",
            {
                "page": self,
                "self": self,
                "topic": topic,
                "other_topics": TopicField.objects.exclude(pk=topic.pk),
                **topic_field_offers(topic_field=topic, user=request.user),
            },
        )


class NewsIndexPage(BasePage):
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["website.NewsArticlePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("news overview")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context(request, *args, **kwargs)
        articles = (
            NewsArticlePage.objects.live()
            .public()
            .child_of(self)
            .prefetch_related("topic_fields")
            .order_by("-date", "-pk")
        )
        context["articles"] = Paginator(articles, 10).get_page(request.GET.get("seite"))
        return context


class NewsArticlePage(BasePage):
    date = models.DateField(_("date"))
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), verbose_name=_("content"))
    topic_fields = ParentalManyToManyField(
        TopicField, verbose_name=_("topic fields"), blank=True, related_name="+"
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("topic_fields", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    parent_page_types = ["website.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("news article")
        ordering = ["-date"]


class ContactFormField(AbstractFormField):
    page = ParentalKey("website.ContactPage", on_delete=models.CASCADE, related_name="form_fields")


class ContactPage(AbstractEmailForm):
    """A form whose messages reach the team by email. Spam is kept out by a hidden field,
    a minimum filling time and a rate limit — no third-party captcha."""

    intro = models.TextField(_("introduction"), blank=True)
    thank_you_text = RichTextField(_("text after sending"), blank=True)

    content_panels = [
        *AbstractEmailForm.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("Email"),
        ),
    ]
    parent_page_types = ["website.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("contact page")

    def get_form(self, *args: Any, **kwargs: Any) -> Any:
        form = super().get_form(*args, **kwargs)
        spam.add_spam_fields(form)
        return form

    def serve(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method == "POST" and spam.is_rate_limited(request, key=f"contact:{self.pk}"):
            form = self.get_form(request.POST, page=self, user=request.user)
            form.add_error(None, _("Too many messages from your connection. Please try later."))
            context = self.get_context(request)
            context["form"] = form
            return TemplateResponse(request, self.get_template(request), context, status=429)
        return super().serve(request, *args, **kwargs)

    def process_form_submission(self, form: Any) -> Any:
        if spam.is_spam(form):
            # Pretend success; a bot learns nothing and nothing is stored or sent.
            return None
        spam.strip_spam_fields(form)
        submission = self.get_submission_class().objects.create(
            form_data=form.cleaned_data, page=self
        )
        self.send_mail(form)
        return submission

    def send_mail(self, form: Any) -> None:
        from vamos.core.services import email_queue

        addresses = [a.strip() for a in (self.to_address or "").split(",") if a.strip()]
        reply_to = next(
            (str(v) for k, v in form.cleaned_data.items() if "mail" in k and "@" in str(v)), ""
        )
        for address in addresses or [settings.VAMOS_TEAM_EMAIL]:
            email_queue(
                to=address,
                template="website/email/contact_message",
                context={
                    "page": self,
                    "subject": self.subject or self.title,
                    "fields": [
                        (form.fields[name].label, value)
                        for name, value in form.cleaned_data.items()
                    ],
                },
                language=settings.LANGUAGE_CODE,
                reply_to=reply_to,
            )
