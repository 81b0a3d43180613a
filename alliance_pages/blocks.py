"""StreamField blocks. Kept stable on purpose: every change here costs a migration."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from .choices import SupportService

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul", "h3", "h4"]


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(required=False, label=_("Attribution"))

    class Meta:
        icon = "openquote"
        label = _("Quote")


class FigureBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(required=False, label=_("Caption"))

    class Meta:
        icon = "image"
        label = _("Image")


class KeyFactBlock(blocks.StructBlock):
    """A number that tells the story on its own: "275 participants", "40 % less CO₂"."""

    value = blocks.CharBlock(max_length=40, label=_("Value"))
    label = blocks.CharBlock(max_length=120, label=_("Label"))

    class Meta:
        icon = "pick"
        label = _("Key fact")


class ContentBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(form_classname="title", icon="title", label=_("Heading"))
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Paragraph"))
    figure = FigureBlock()
    quote = QuoteBlock()
    key_fact = KeyFactBlock()


class SupportServiceBlock(blocks.StructBlock):
    service = blocks.ChoiceBlock(choices=SupportService.choices, label=_("Service"))
    title = blocks.CharBlock(label=_("Title"))
    description = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Description"))

    class Meta:
        icon = "help"
        label = _("Support service")


class SupportServicesBlock(blocks.StreamBlock):
    service = SupportServiceBlock()
