"""The seven topic fields of the programme (SPEC §2). Editors may rename and reorder them."""

from django.db import migrations

TOPIC_FIELDS = [
    (
        "strategie",
        "Strategie",
        "Strategy",
        "Leitbild, Ziele und Schwerpunkte des Verbands entwickeln und verfolgen.",
        "Developing and pursuing the association's mission, goals and priorities.",
    ),
    (
        "projektmanagement",
        "Projektmanagement",
        "Project management",
        "Projekte planen, steuern, dokumentieren und abschließen.",
        "Planning, steering, documenting and closing projects.",
    ),
    (
        "organisation-fuehrung",
        "Organisation & Führung",
        "Organisation & leadership",
        "Strukturen, Gremien, Ehrenamt und hauptamtliche Teams gut führen.",
        "Leading structures, boards, volunteers and staff teams well.",
    ),
    (
        "finanzierung",
        "Finanzierung",
        "Funding",
        "Fördermittel, Spenden und Mitgliedsbeiträge – beantragen, verwalten, abrechnen.",
        "Grants, donations and membership fees – applying, managing, accounting.",
    ),
    (
        "oeffentlichkeitsarbeit",
        "Außendarstellung und Öffentlichkeitsarbeit",
        "Public relations & communication",
        "Den Verband sichtbar machen: Website, soziale Medien, Presse.",
        "Making the association visible: website, social media, press.",
    ),
    (
        "netzwerk-interessenvertretung",
        "Netzwerkmanagement & Interessenvertretung",
        "Networking & advocacy",
        "Bündnisse knüpfen und die Anliegen der Mitglieder in Politik und Verwaltung vertreten.",
        "Building alliances and representing members' interests in politics and administration.",
    ),
    (
        "mitgliedermanagement",
        "Mitgliedermanagement",
        "Member management",
        "Mitgliedsvereine gewinnen, beteiligen, informieren und halten.",
        "Winning, involving, informing and keeping member clubs.",
    ),
]


def create_topic_fields(apps, schema_editor):
    TopicField = apps.get_model("core", "TopicField")
    for order, (slug, name_de, name_en, summary_de, summary_en) in enumerate(TOPIC_FIELDS):
        TopicField.objects.update_or_create(
            slug=slug,
            defaults={
                "name_de": name_de,
                "name_en": name_en,
                "summary_de": summary_de,
                "summary_en": summary_en,
                "sort_order": order,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("core", "0001_topic_fields_audit_log_outgoing_email")]

    operations = [migrations.RunPython(create_topic_fields, migrations.RunPython.noop)]
