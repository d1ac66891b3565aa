"""A recorded step names its learning record; and the resources library's first contents: the
guidance the Cluster Planning Support Portal's "Encouraging innovation" section names, summarised in English and Welsh, one topic each. The
national team keeps them from here on (the library's pages)."""

import django.db.models.deletion
from django.db import migrations, models

# (topic, title_en, title_cy, summary_en, summary_cy)
RESOURCES = [
    (
        "innovation",
        "What counts as innovation (World Health Organization, 2016)",
        "Beth sy’n cyfrif fel arloesedd (Sefydliad Iechyd y Byd, 2016)",
        "Innovation is the development of new or improved health policies, systems, products "
        "and technologies, and services and delivery methods that improve people’s health, with "
        "a special focus on the needs of vulnerable populations. Clusters can develop novel "
        "approaches to local challenges, identify successful projects for scaling up or "
        "mainstreaming, and adapt or implement learning from elsewhere in Wales.",
        "Arloesedd yw datblygu polisïau, systemau, cynhyrchion a thechnolegau iechyd, a "
        "gwasanaethau a dulliau darparu, newydd neu well sy’n gwella iechyd pobl, gan roi sylw "
        "arbennig i anghenion grwpiau agored i niwed. Gall clystyrau ddatblygu dulliau newydd o "
        "ymdrin â heriau lleol, nodi prosiectau llwyddiannus i’w gwneud ar raddfa fwy neu i’w "
        "prif ffrydio, ac addasu neu roi ar waith yr hyn a ddysgwyd mewn mannau eraill yng "
        "Nghymru.",
    ),
    (
        "pitching",
        "Crafting an elevator pitch (Mind Tools)",
        "Llunio cyflwyniad byr (elevator pitch) (Mind Tools)",
        "An elevator pitch is a brief, persuasive speech that sparks interest in what your "
        "organisation does, or in a project, an idea or a product. This guide shows how to say "
        "who you are, what you do, what you want and why it matters, in the time a lift ride "
        "takes.",
        "Mae cyflwyniad byr (elevator pitch) yn araith fer, berswadiol sy’n ennyn diddordeb yn "
        "yr hyn y mae eich sefydliad yn ei wneud, neu mewn prosiect, syniad neu gynnyrch. Mae’r "
        "canllaw hwn yn dangos sut i ddweud pwy ydych chi, beth rydych chi’n ei wneud, beth "
        "rydych chi ei eisiau a pham mae’n bwysig, yn yr amser y mae taith mewn lifft yn ei "
        "gymryd.",
    ),
    (
        "value",
        "Creating a value proposition (Mind Tools)",
        "Creu datganiad gwerth (value proposition) (Mind Tools)",
        "A value proposition communicates the benefits of what you offer simply and clearly: "
        "who it is for, the need it meets, what it offers, the benefit it brings and how it is "
        "better than what exists.",
        "Mae datganiad gwerth (value proposition) yn cyfleu manteision yr hyn rydych chi’n ei "
        "gynnig yn syml ac yn glir: ar gyfer pwy y mae, yr angen y mae’n ei ddiwallu, beth mae’n "
        "ei gynnig, y budd a ddaw ohono a sut mae’n well na’r hyn sy’n bodoli eisoes.",
    ),
    (
        "diagrams",
        "Driver diagrams to support cluster innovation",
        "Diagramau sbarduno i gefnogi arloesedd mewn clystyrau",
        "Driver diagrams help plan improvement projects. They give clinical teams clarity and "
        "structure, translate an aim into the high-level factors (primary drivers) that must be "
        "influenced to achieve it, and detail the projects and activities that act on them. "
        "They help share out tasks, estimate the skills and capacity needed, prioritise "
        "competing objectives and gain clinical engagement. Tasks that cannot be accommodated "
        "go on the local risk register.",
        "Mae diagramau sbarduno yn helpu i gynllunio prosiectau gwella. Maen nhw’n rhoi "
        "eglurder a strwythur i dimau clinigol, yn troi nod yn ffactorau lefel uchel (sbardunau "
        "sylfaenol) y mae’n rhaid dylanwadu arnyn nhw i’w gyflawni, ac yn nodi’r prosiectau a’r "
        "gweithgareddau sy’n gweithredu arnyn nhw. Maen nhw’n helpu i rannu tasgau, amcangyfrif "
        "y sgiliau a’r capasiti sydd eu hangen, blaenoriaethu amcanion sy’n cystadlu a sicrhau "
        "ymgysylltiad clinigol. Mae tasgau na ellir eu cynnwys yn mynd ar y gofrestr risg leol.",
    ),
    (
        "diagrams",
        "Driver diagram examples: safe and reliable care, and COVID-19 improvement work",
        "Enghreifftiau o ddiagramau sbarduno: gofal diogel a dibynadwy, a gwaith gwella COVID-19",
        "Worked examples of driver diagrams to start from: a collection of examples from "
        "improvement programmes, a diagram for safe and reliable patient care, and diagrams from "
        "quality improvement work around COVID-19.",
        "Enghreifftiau o ddiagramau sbarduno i ddechrau ohonyn nhw: casgliad o enghreifftiau o "
        "raglenni gwella, diagram ar gyfer gofal diogel a dibynadwy i gleifion, a diagramau o "
        "waith gwella ansawdd yn ymwneud â COVID-19.",
    ),
    (
        "measuring",
        "Measuring improvement: outcome, process and balancing measures",
        "Mesur gwelliant: mesurau canlyniad, mesurau proses a mesurau cydbwyso",
        "Every aim needs measures that show whether a change is an improvement: an outcome "
        "measure for the aim, process measures for the drivers and change ideas, and a "
        "balancing measure for what could get worse elsewhere. Define each one so that anyone "
        "would count it the same way, collect the data regularly and read it on a run chart or "
        "a statistical process control (SPC) chart.",
        "Mae angen mesurau ar bob nod i ddangos a yw newid yn welliant: mesur canlyniad ar "
        "gyfer y nod, mesurau proses ar gyfer y sbardunau a’r syniadau ar gyfer newid, a mesur "
        "cydbwyso ar gyfer yr hyn a allai waethygu mewn man arall. Diffiniwch bob un fel y "
        "byddai unrhyw un yn ei gyfrif yn yr un ffordd, casglwch y data yn rheolaidd a’u "
        "darllen ar siart rhediad neu siart rheoli prosesau ystadegol (SPC).",
    ),
    (
        "evaluating",
        "The Innovation Programme for Health and Social Care (Welsh Government)",
        "Y Rhaglen Arloesi ar gyfer Iechyd a Gofal Cymdeithasol (Llywodraeth Cymru)",
        "The draft logic model published with the Innovation Strategy for Wales (December "
        "2021) aims for four outcomes: increased adoption of innovation, improved patient and "
        "citizen outcomes, improved patient and citizen experience, and improved resource "
        "efficiency. An evaluation should be integral to every proposal, and its learning "
        "shared.",
        "Mae’r model rhesymeg drafft a gyhoeddwyd gyda’r Strategaeth Arloesi i Gymru (Rhagfyr "
        "2021) yn anelu at bedwar canlyniad: mabwysiadu mwy o arloesedd, canlyniadau gwell i "
        "gleifion a dinasyddion, profiad gwell i gleifion a dinasyddion, a defnyddio adnoddau’n "
        "fwy effeithlon. Dylai gwerthusiad fod yn rhan annatod o bob cynnig, a dylid rhannu’r "
        "hyn a ddysgir.",
    ),
    (
        "leadership",
        "Caring to change: how compassionate leadership can stimulate innovation in health care "
        "(The King’s Fund, 2017)",
        "Gofalu i newid: sut y gall arweinyddiaeth dosturiol ysgogi arloesedd ym maes gofal "
        "iechyd (The King’s Fund, 2017)",
        "Compassion — attending, understanding, empathising and helping — is a core cultural "
        "value of the NHS. This paper shows how compassionate leadership creates a working "
        "environment that encourages people to find new and better ways of doing things.",
        "Mae tosturi — rhoi sylw, deall, cydymdeimlo a helpu — yn un o werthoedd diwylliannol "
        "craidd y GIG. Mae’r papur hwn yn dangos sut mae arweinyddiaeth dosturiol yn creu "
        "amgylchedd gwaith sy’n annog pobl i ddod o hyd i ffyrdd newydd a gwell o wneud "
        "pethau.",
    ),
    (
        "open_innovation",
        "Open innovation in health: a guide to transforming healthcare through collaboration "
        "(Nesta, 2017)",
        "Arloesi agored ym maes iechyd: canllaw i drawsnewid gofal iechyd drwy gydweithio "
        "(Nesta, 2017)",
        "Examples of open innovation in health from around the world: how companies, "
        "governments, researchers and citizens work together to improve innovation, from the "
        "way problems are identified to how new products and services are created and then "
        "adopted by healthcare providers.",
        "Enghreifftiau o arloesi agored ym maes iechyd o bob cwr o’r byd: sut mae cwmnïau, "
        "llywodraethau, ymchwilwyr a dinasyddion yn cydweithio i wella arloesi, o’r ffordd y "
        "caiff problemau eu nodi i’r ffordd y caiff cynhyrchion a gwasanaethau newydd eu creu "
        "a’u mabwysiadu wedyn gan ddarparwyr gofal iechyd.",
    ),
    (
        "scaling",
        "Learning from the Pacesetter Programme: the six transformation enablers (University of "
        "Birmingham, 2018)",
        "Dysgu o’r Rhaglen Pacesetter: y chwe galluogwr trawsnewid "
        "(Prifysgol Birmingham, 2018)",
        "The critical appraisal of the National Primary Care Pacesetter Programme found six "
        "enablers of successful transformation: facilitating (external help and capacity), "
        "leading (leaders given time, support and space), learning (new skills and structured "
        "reflection), engaging (patients, communities and clinical networks), funding "
        "(transitional funding while new approaches start) and evaluating (formative and "
        "summative evaluation against clear objectives and baselines).",
        "Canfu’r gwerthusiad beirniadol o Raglen Pacesetter Genedlaethol Gofal Sylfaenol "
        "chwe galluogwr ar gyfer trawsnewid llwyddiannus: hwyluso (cymorth a "
        "chapasiti allanol), arwain (amser, cymorth a lle i arweinwyr), dysgu (sgiliau newydd a "
        "myfyrio strwythuredig), ymgysylltu (â chleifion, cymunedau a rhwydweithiau clinigol), "
        "cyllido (cyllid trosiannol tra bo dulliau newydd yn dechrau) a gwerthuso (gwerthuso "
        "ffurfiannol a chrynodol yn erbyn amcanion a llinellau sylfaen clir).",
    ),
    (
        "scaling",
        "Upscaling from pilot projects",
        "Gwneud prosiectau peilot ar raddfa fwy",
        "Pilot projects tell what works from what does not. Taking what works on a small scale "
        "to a health-board or all-Wales footprint is challenging: plan for it with the six "
        "transformation enablers, and share what you learnt so that other clusters can adopt or "
        "adapt it.",
        "Mae prosiectau peilot yn dangos beth sy’n gweithio a beth sydd ddim. Mae mynd â’r hyn "
        "sy’n gweithio ar raddfa fach i ôl troed bwrdd iechyd neu Gymru gyfan yn her: "
        "cynlluniwch ar ei gyfer gyda’r chwe galluogwr trawsnewid, a rhannwch yr hyn a "
        "ddysgoch er mwyn i glystyrau eraill allu ei fabwysiadu neu ei addasu.",
    ),
]


def seed_resources(apps, schema_editor):
    Resource = apps.get_model("learning", "Resource")
    if Resource.objects.exists():
        return
    positions: dict[str, int] = {}
    for topic, title_en, title_cy, summary_en, summary_cy in RESOURCES:
        positions[topic] = positions.get(topic, 0) + 1
        Resource.objects.create(
            topic=topic,
            title_en=title_en,
            title_cy=title_cy,
            summary_en=summary_en,
            summary_cy=summary_cy,
            position=positions[topic],
        )


class Migration(migrations.Migration):
    dependencies = [("learning", "0003_labels")]

    operations = [
        migrations.AlterField(
            model_name="recordstatuschange",
            name="record",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="status_changes",
                to="learning.learningrecord",
                verbose_name="learning record",
            ),
        ),
        migrations.RunPython(seed_resources, migrations.RunPython.noop),
    ]
