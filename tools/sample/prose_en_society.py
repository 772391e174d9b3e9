"""English templates, part 2: civic space, discrimination, workers, trafficking, religion.

Each template registers itself with @T(topic, lang, *more categories) and returns
(title, summary), written with the context c (context.Ctx). The order of the templates
matters: the generator chooses among a topic's templates by position.
"""

from __future__ import annotations

from .dates import ORD_EN
from .templates import T, a_

# -- Civic space and defenders ---------------------------------------------


@T("defenders.attacks", twin="defender_shot")
def _(c):
    v = c.person(
        "v1",
        "victim",
        c.pick("grp", ["environmental defender", "human rights defender", "Indigenous leader"]),
    )
    return (
        f"Shots fired at defender's car near {c.place()}",
        f"{c.When()}two men on a motorcycle fired at the car of {v}, {a_(v.group)} who "
        f"leads {c.actor('ngo')}'s campaign against illegal logging, on a road outside "
        f"{c.place()}. {v.She} was unhurt. It was the {ORD_EN[c.n('k', 2, 4)]} attack on "
        f"{v.him} since {v.she} testified before {c.w('ombudsman')}.",
    )


@T("defenders.attacks", "en", "defenders.protection")
def _(c):
    v = c.person(
        "v1", "victim", c.pick("grp", ["woman human rights defender", "lawyer"]), female=True
    )
    return (
        f"Death threats against {v.group} in {c.place()}",
        f"{c.When()}{v}, {a_(v.group)} in {c.place()}, received {c.nw('n', 3, 9)} death "
        f"threats by text message after she represented families of detainees. Police "
        f"registered her complaint but have not requested the phone records.",
    )


@T("defenders.attacks", "en", "civic.hacking")
def _(c):
    org = c.actor("ngo")
    return (
        "Break-in at NGO office; case files taken",
        f"{c.When()}unknown persons broke into the office of {org} in {c.place()} and "
        f"took {c.nw('n', 2, 6)} laptops, a hard drive and case files on torture "
        f"complaints, leaving cash and other valuables untouched. The alarm system had "
        f"been disabled.",
    )


@T("defenders.attacks", "en", "expression.speech", period=True)
def _(c):
    v = c.person("v1", "victim", "human rights defender")
    return (
        "Smear campaign labels defender a 'foreign agent'",
        f"{c.When()}pro-government accounts published {c.n('n', 200, 900)} posts "
        f"labelling {v}, who leads {c.actor('ngo')}, a "
        f"'foreign agent' and sharing {v.her} home address. A state television presenter "
        f"repeated the claims on air.",
    )


@T("defenders.attacks", "en", "privacy.interference")
def _(c):
    v = c.person("v1", "victim", "human rights defender")
    w = c.person("w1", "victim", "family member")
    return (
        "Relatives of defender questioned by intelligence officers",
        f"{c.When()}officers of {c.w('intel')} questioned {w}, the mother of the defender "
        f"{v}, for {c.nw('h', 3, 7)} hours about {v.her} work and contacts with "
        f"foreign embassies. The defender says the aim was to pressure {v.him} through "
        f"{v.her} family.",
    )


@T("defenders.attacks", "en", "civic.lawsuits", only="XB")
def _(c):
    k = c.known("defender", "victim")
    return (
        "Travel ban and new charges against Yusra Al-Selani",
        f"{c.When()}prosecutors brought new charges of 'receiving foreign funds without "
        f"authorisation' against {k}, whose sentence for her advocacy on behalf of "
        f"Wadi Selan detainees ended last year. A travel ban prevents her from leaving "
        f"the country.",
    )


@T("defenders.protection", "en", only="XA")
def _(c):
    v = c.person("v1", "victim", "Indigenous leader")
    return (
        "Protection mechanism grants measures to Indigenous leader",
        f"{c.When()}the National Protection Mechanism for Human Rights Defenders granted "
        f"{v} a panic button, a satellite phone and police patrols at {v.her} home in "
        f"{c.place(tag='indigenous')}. The mechanism has a backlog of "
        f"{c.n('n', 80, 190)} requests.",
    )


@T("defenders.protection", "en", "defenders.attacks")
def _(c):
    v = c.person("v1", "victim", "human rights defender")
    return (
        "Investigation into attack on defender closed without suspects",
        f"{c.When()}prosecutors closed the investigation into the beating of {v} "
        f"without identifying suspects, although {v.she} had given them the registration "
        f"number of the car used. The organisation has asked for the case to be "
        f"reopened.",
    )


@T("defenders.protection", "en", only="XB")
def _(c):
    return (
        "No protection mechanism for defenders",
        f"{c.When()}the organisation noted that {c.w('country')} still has no protection "
        f"mechanism "
        f"for defenders and that {c.nw('n', 6, 15)} complaints of threats filed with the "
        f"police this year produced no investigation.",
    )


@T("defenders.protection", "en", "trial.fairness")
def _(c):
    p = c.person("p1", "perpetrator", "landowner")
    return (
        "Conviction for murder of land defender",
        f"{c.When()}a court in {c.place()} convicted {c.nw('n', 2, 3)} gunmen of the "
        f"murder of a land defender and, for the first time, the landowner who ordered "
        f"the killing, {p}. The organisation welcomed the verdict.",
    )


@T("civic.registration", "en", "association")
def _(c):
    k = c.n("k", 40, 140)
    return (
        f"{c.w('ngo_law')}: re-registration deadline",
        f"{c.When()}{c.w('ngo_law')} came into force, requiring all NGOs to re-register "
        f"within {c.nw('n', 60, 90)} days and disclose the names of all donors and "
        f"beneficiaries. Of the groups the organisation assisted, {k} of "
        f"{k + c.n('m', 30, 90)} had been refused or were still waiting.",
    )


@T("civic.registration")
def _(c):
    return (
        "Women's rights group waits 14 months for registration",
        f"{c.When()}a women's rights group in {c.place()} told the organisation it had "
        f"waited fourteen months for a decision on its registration, after submitting "
        f"documents {c.nw('k', 4, 6)} times at the registrar's request.",
    )


@T("civic.funding", "en", "association")
def _(c):
    pct = c.n("pct", 20, 35)
    return (
        "Cap on foreign funding for NGOs",
        f"{c.When()}{c.w('legislature')} adopted amendments to {c.w('ngo_law')} capping "
        f"foreign funding at {pct} percent of an organisation's annual budget and "
        f"requiring prior approval of each grant by the {c.w('interior')}.",
    )


@T("civic.funding", "en", "civic.lawsuits")
def _(c):
    org = c.actor("ngo")
    return (
        "Bank accounts of NGO frozen over foreign grant",
        f"{c.When()}the central bank froze the accounts of {org} over a grant from a "
        f"European foundation for legal aid to detainees. Staff have not been paid for "
        f"{c.nw('mo', 2, 5)} months.",
    )


@T("civic.lawsuits", "en", "business.conduct")
def _(c):
    v = c.person("v1", "victim", "environmental defender")
    return (
        f"{c.w('company')} sues defender over pollution report",
        f"{c.When()}{c.w('company')} filed a defamation suit seeking "
        f"{c.n('n', 2, 15)} million {c.w('currency')} in damages against {v} over a "
        f"report on river pollution downstream of {c.w('mine')}. The organisation "
        f"describes the suit as a strategic lawsuit against public participation.",
    )


@T("civic.lawsuits", "en", "defenders.attacks")
def _(c):
    v = c.person("v1", "victim", "human rights defender")
    return (
        "Money-laundering charges against defender",
        f"{c.When()}prosecutors charged {v}, director of {c.actor('ngo')}, with 'money "
        f"laundering' over transfers from an international donor that the organisation "
        f"had declared to the authorities. If convicted, {v.she} faces up to "
        f"{c.nw('y', 8, 12)} years.",
    )


@T("civic.lawsuits", "en", "assembly")
def _(c):
    k = c.known("leader" if c.country == "XA" else "lawyer", "victim")
    return (
        f"Criminal complaint against {k.group} dismissed after two years",
        f"{c.When()}a court dismissed the criminal complaint for 'obstructing public works' "
        f"against {k}, brought after a protest in {c.place()} two years earlier. "
        f"{k.She} had been required to report to police weekly in the meantime.",
    )


@T("civic.surveillance", "en", "civic.hacking")
def _(c):
    v = c.person("v1", "victim", c.pick("grp", ["journalist", "human rights defender", "lawyer"]))
    return (
        "Spyware found on defender's phone",
        f"{c.When()}forensic analysis by the organisation confirmed that the phone of "
        f"{v}, {a_(v.group)}, had been infected with commercial spyware on at least "
        f"{c.nw('n', 3, 7)} occasions. Infections coincided with {v.her} work on cases "
        f"of disappearances.",
    )


@T("civic.surveillance", "en", "assembly")
def _(c):
    return (
        "Plainclothes officers film workshop participants",
        f"{c.When()}plainclothes officers photographed and filmed participants arriving "
        f"at a workshop on the rights of detainees in {c.place()}, and later visited "
        f"{c.nw('n', 3, 8)} of them at home to ask about the organisers.",
    )


@T("civic.surveillance", "en", "privacy.interference")
def _(c):
    n = c.n("n", 200, 900)
    return (
        f"Facial recognition cameras installed in {c.place()}",
        f"{c.When()}the municipality of {c.place()} installed {n} cameras with facial "
        f"recognition in the city centre, linked to a police database. No law regulates "
        f"their use or how long images are kept.",
    )


@T("civic.hacking")
def _(c):
    org = c.actor("ngo")
    return (
        "Devices of NGO staff confiscated at checkpoint",
        f"{c.When()}police at a checkpoint near {c.place()} confiscated the phones and "
        f"laptops of {c.nw('n', 3, 7)} staff of {org} returning from a field visit. The "
        f"devices were returned {c.nw('wk', 2, 6)} weeks later with signs of having been "
        f"accessed.",
    )


@T("civic.hacking", "en", "expression.press")
def _(c):
    outlet = c.actor("outlet")
    return (
        f"Accounts of {outlet} hacked",
        f"{c.When()}the social media accounts of {outlet} were taken over and used to "
        f"publish fabricated statements, after the outlet reported on "
        f"{c.w('special')}. Its editor's email account was accessed the same night.",
    )


@T("civic.dialogue", "en", "civic.participation")
def _(c):
    return (
        "Consultation on national human rights action plan",
        f"{c.When()}the {c.w('interior')} convened {c.n('n', 20, 60)} civil society "
        f"organisations for a consultation on the national human rights action plan. "
        f"Participants welcomed the meeting but noted that {c.actor('ngo')} was not "
        f"invited.",
    )


@T("civic.dialogue", "en", only="XB")
def _(c):
    return (
        "Quarterly dialogue with NGOs cancelled",
        f"{c.When()}the {c.w('interior')} cancelled the quarterly dialogue with civil "
        f"society for the {ORD_EN[c.n('k', 2, 3)]} time, without explanation. NGOs said "
        f"the channel had been their only regular contact with the ministry.",
    )


@T("civic.dialogue", "en", "defenders.protection", only="XA")
def _(c):
    return (
        "Working group with defenders set up",
        f"{c.When()}{c.w('ombudsman')} and the {c.w('interior')} set up a working group "
        f"with {c.nw('n', 8, 14)} defenders' organisations to review threats reported in "
        f"{c.place()}. The first meeting agreed on a monthly schedule.",
    )


@T("civic.participation", "en", "business.conduct")
def _(c):
    return (
        f"Licence for {c.w('mine')} expansion approved without hearing",
        f"{c.When()}authorities approved the environmental licence for the expansion of "
        f"{c.w('mine')} without the public hearing required by law. Residents of "
        f"{c.place()} learned of the decision from the press.",
    )


@T("civic.participation", "en", "elections")
def _(c):
    return (
        "Law passed without public consultation",
        f"{c.When()}{c.w('legislature')} passed the new water code in a single session, "
        f"without the public consultation its own rules require. Farmers' groups had "
        f"asked {c.nw('n', 2, 5)} times to be heard.",
    )


@T("civic.participation", "en", "discrimination.indigenous")
def _(c):
    return (
        "Prior consultation held in Indigenous language",
        f"{c.When()}the {c.w('interior')} held a prior consultation with "
        f"{c.w('indigenous')} communities in {c.place(tag='indigenous')} on a road "
        f"project, with interpretation and {c.nw('n', 3, 5)} sessions. Community "
        f"representatives said their objections were recorded in the minutes.",
    )


@T("business.conduct", "en", "labor.conditions")
def _(c):
    w = c.person("w1", "witness", "mine worker")
    return (
        f"Workers at {c.w('mine')} report unsafe conditions",
        f"{c.When()}{c.nw('nw', 5, 20)} workers at {c.w('mine')}, operated by "
        f"{c.w('company')}, told the organisation "
        f"that safety equipment is deducted from their wages and that "
        f"{c.nw('n', 2, 5)} workers died in a tunnel collapse in the previous weeks. "
        f"One worker, {w}, "
        f"said the company discouraged reporting injuries.",
    )


@T("business.conduct", "en", "defenders.attacks")
def _(c):
    v = c.person("v1", "victim", "community leader")
    return (
        f"Private security guards harass community leaders near {c.place()}",
        f"{c.When()}private security guards employed by {c.w('company2')} detained "
        f"{v}, a community leader opposing the company's land claims near {c.place()}, "
        f"for {c.nw('h', 3, 8)} hours and photographed {v.her} documents.",
    )


@T("business.conduct", "en", "civic.dialogue")
def _(c):
    return (
        f"{c.w('company2')} agrees grievance mechanism with communities",
        f"{c.When()}{c.w('company2')} signed an agreement with {c.actor('community')} "
        f"establishing a grievance mechanism with an independent mediator, after "
        f"{c.nw('n', 2, 4)} years of disputes over water use.",
    )


# -- Discrimination and societal abuses ----------------------------------------


@T("discrimination.women", period=True)
def _(c):
    n = c.n("n", 40, 130)
    return (
        "Femicides recorded",
        f"The organisation recorded {n} femicides {c.on() or 'in the first nine months'}. "
        f"In {c.nw('k', 9, 30)} cases the victim had previously filed a complaint against "
        f"the perpetrator, and in only {c.nw('j', 2, 8)} had a protection order been "
        f"issued.",
    )


@T("discrimination.women", "en", "labor.discrimination")
def _(c):
    v = c.person("v1", "victim", "factory worker", female=True)
    return (
        "Worker dismissed after announcing pregnancy",
        f"{c.When()}{v}, a worker at a garment factory in {c.place()}, was dismissed "
        f"days after announcing her pregnancy. The labour inspectorate found "
        f"{c.nw('n', 4, 11)} similar dismissals at the same factory.",
    )


@T("discrimination.women")
def _(c):
    return (
        f"Women's shelter in {c.place()} closes",
        f"{c.When()}the only shelter for survivors of domestic violence in {c.place()} "
        f"closed after the municipality withdrew its funding. The shelter had received "
        f"{c.n('n', 90, 260)} women and children the previous year.",
    )


@T("discrimination.ethnic", "en", "privacy.interference")
def _(c):
    return (
        f"Police raid {c.w('minority')} neighbourhood in {c.place()}",
        f"{c.When()}police raided homes in a {c.w('minority')} neighbourhood of "
        f"{c.place()} without warrants, searching {c.n('n', 30, 90)} houses. An officer "
        f"was filmed using ethnic slurs.",
    )


@T("discrimination.ethnic", "en", "expression.speech")
def _(c):
    p = c.person("p1", "perpetrator", "politician")
    return (
        "Member of parliament calls minority 'a threat'",
        f"{c.When()}{p}, a member of {c.w('legislature')} for {c.w('ruling_party')}, "
        f"described the {c.w('minority')} community as 'a threat to national unity' in a "
        f"televised debate. No disciplinary action followed.",
    )


@T("discrimination.ethnic")
def _(c):
    pct = c.n("pct", 18, 40)
    return (
        "School enrolment gap for minority children",
        f"A study by the organisation found that only {pct} percent of "
        f"{c.w('minority')} children in {c.place()} complete secondary school, compared "
        f"with {pct + c.n('gap', 30, 45)} percent nationally.",
    )


@T("discrimination.children")
def _(c):
    n = c.n("n", 6, 19)
    return (
        f"Teacher arrested for abusing pupils in {c.place()}",
        f"{c.When()}police arrested a teacher at a state boarding school in {c.place()} "
        f"accused of sexually abusing {n} pupils over several years. Parents said earlier "
        f"complaints to the school director were ignored.",
    )


@T("discrimination.children", "en", "discrimination.women", period=True)
def _(c):
    n = c.n("n", 40, 180)
    return (
        "Child marriages registered",
        f"The organisation documented {n} marriages of girls under 18 in "
        f"{c.place(tag='rural')} {c.on() or 'during the year'}, most arranged in religious "
        f"ceremonies that are never registered.",
    )


@T("discrimination.children", "en", "detention.conditions")
def _(c):
    n = c.n("n", 20, 70)
    return (
        "Children held with adults in police cells",
        f"{c.When()}monitors found {n} children held together with adults in police "
        f"cells in {c.place()}, some for more than a week, in breach of the juvenile "
        f"justice law.",
    )


@T("discrimination.indigenous", "en", "property.seizure", "civic.participation")
def _(c):
    return (
        f"{c.w('indigenous')} territory titled to agribusiness",
        f"{c.When()}the land registry issued titles to {c.w('company2')} over "
        f"{c.n('n', 3, 12) * 1000:,} hectares claimed as ancestral territory by "
        f"{c.w('indigenous')} communities in {c.place(tag='indigenous')}. The communities "
        f"were not consulted.",
    )


@T("discrimination.indigenous", "en", "trial.fairness")
def _(c):
    v = c.person("v1", "victim", "Indigenous farmer")
    return (
        "Indigenous defendant tried without interpreter",
        f"{c.When()}a court in {c.place(tag='indigenous')} convicted {v}, a "
        f"{c.w('indigenous')} farmer who speaks little of the official language, after a "
        f"trial held without an interpreter.",
    )


@T("discrimination.indigenous", "en", "discrimination.children")
def _(c):
    n = c.n("n", 8, 30)
    return (
        "Schools in Indigenous communities without teachers",
        f"{c.When()}the organisation found that {n} schools in {c.w('indigenous')} "
        f"communities in {c.place(tag='indigenous')} had opened the school year without "
        f"teachers.",
    )


@T("discrimination.lgbtqi", "en", "detention.arbitrary", "privacy.interference")
def _(c):
    n = c.n("n", 9, 31)
    return (
        f"Police raid private party in {c.place()}",
        f"{c.When()}police raided a private party in {c.place()} and arrested {n} people "
        f"they accused of 'indecency'. Detainees said officers photographed them and "
        f"searched their phones for contacts.",
    )


@T("discrimination.lgbtqi")
def _(c):
    v = c.person("v1", "victim", "transgender woman", female=True, gender="female")
    return (
        f"Transgender woman beaten in {c.place()}",
        f"{c.When()}{v}, a transgender woman, was beaten by a group of men in "
        f"{c.place()} while bystanders filmed. Police initially refused to register "
        f"her complaint under her name.",
    )


@T("discrimination.lgbtqi", "en", "assembly")
def _(c):
    org = c.actor("lgbt")
    return (
        "Pride event banned",
        f"{c.When()}the governor of {c.place()} banned a Pride event planned by {org}, "
        f"citing 'threats from counter-protesters', and did not offer police protection "
        f"instead.",
    )


@T("discrimination.disability")
def _(c):
    n = c.n("n", 150, 600)
    return (
        "Persons with disabilities held in psychiatric institution",
        f"{c.When()}monitors visited a state psychiatric institution near {c.place()} "
        f"holding {n} persons with disabilities, some for decades, without periodic "
        f"judicial review. Several residents were restrained to beds.",
    )


@T("discrimination.disability", "en", "discrimination.children")
def _(c):
    pct = c.n("pct", 40, 75)
    return (
        "Children with disabilities out of school",
        f"The organisation estimates that {pct} percent of children with disabilities "
        f"in {c.place()} do not attend school, because schools lack ramps, trained "
        f"teachers and transport.",
    )


@T("discrimination.other", period=True)
def _(c):
    n = c.n("n", 20, 75)
    return (
        "People living with HIV denied treatment",
        f"The organisation documented {n} cases {c.on() or 'this year'} in which public "
        f"clinics in {c.place()} refused dental or surgical care to people living with "
        f"HIV.",
    )


@T("discrimination.other", "en", "labor.discrimination")
def _(c):
    return (
        "Waste pickers barred from municipal sites",
        f"{c.When()}the municipality of {c.place()} barred informal waste pickers from "
        f"the city dump and recycling points. Waste pickers, many of them older women, "
        f"said they were insulted and beaten by municipal guards.",
    )


@T("antisemitism", "en", "religion.societal")
def _(c):
    n = c.n("n", 8, 24)
    return (
        f"Synagogue in {c.w('capital')} vandalised",
        f"{c.When()}vandals painted swastikas on the walls of the synagogue in "
        f"{c.w('capital')} and broke its windows. The Jewish community council reported "
        f"{n} antisemitic incidents so far this year.",
    )


@T("antisemitism", "en", "expression.speech")
def _(c):
    p = c.person("p1", "perpetrator", "television presenter")
    return (
        "Television presenter repeats antisemitic conspiracy claims",
        f"{c.When()}the television presenter {p} claimed on a prime-time programme that "
        f"'Jewish financiers' were behind the rise in food prices. The broadcasting "
        f"regulator opened proceedings after complaints.",
    )


@T("antisemitism", "en", "religion.government-practices")
def _(c):
    return (
        "Jewish cemetery desecrated",
        f"{c.When()}{c.nw('n', 12, 40)} gravestones were overturned in the Jewish "
        f"cemetery of {c.place()}. The {c.w('interior')} condemned the attack and police "
        f"arrested {c.nw('k', 2, 3)} suspects.",
    )


# -- Worker rights ------------------------------------------------------------


@T("labor.association", twin="union_dismissal")
def _(c):
    n = c.n("n", 12, 60)
    return (
        f"Workers dismissed after forming union at {c.w('company')}",
        f"{c.When()}{c.w('company')} dismissed {n} workers at {c.w('mine')} days after "
        f"they registered a union, including its entire executive committee. The labour "
        f"inspectorate ordered their reinstatement; the company has not complied.",
    )


@T("labor.association", "en", "assembly")
def _(c):
    return (
        "Strike declared illegal",
        f"{c.When()}a labour court declared illegal a strike by "
        f"{c.n('n', 800, 5000):,} members of the {c.actor('union')}, ruling that the "
        f"sector is an 'essential service'. The ILO considers the sector non-essential.",
    )


@T("labor.association", "en", "detention.arbitrary")
def _(c):
    v = c.person("v1", "victim", "trade unionist")
    return (
        "Union leader arrested during wage negotiations",
        f"{c.When()}police arrested {v}, chief negotiator of the {c.actor('union')}, on "
        f"the second day of wage negotiations in {c.place()}, on a complaint of "
        f"'incitement' filed by the employer.",
    )


@T("labor.forced", "en", "trafficking.profile")
def _(c):
    return (
        f"Passports confiscated on fishing vessels of {c.w('company2')}",
        f"{c.When()}crew members on fishing vessels owned by {c.w('company2')} told the "
        f"organisation that their passports were confiscated on arrival and that they "
        f"worked {c.nw('h', 16, 20)} hours a day to repay recruitment debts.",
    )


@T("labor.forced", "en", "detention.conditions")
def _(c):
    return (
        "Prisoners made to work without pay",
        f"{c.When()}{c.nw('k', 3, 12)} former inmates of {c.at('prison2')} told the "
        f"organisation that prisoners are "
        f"made to work on private farms for no pay and are punished with solitary "
        f"confinement if they refuse.",
    )


@T("labor.child", "en", "discrimination.children")
def _(c):
    n = c.n("n", 20, 90)
    return (
        f"Children found working at brick kilns in {c.place()}",
        f"{c.When()}labour inspectors found {n} children, some aged "
        f"{c.nw('a', 8, 10)}, working at brick kilns in {c.place(tag='rural')}. The owners "
        f"were fined; no criminal case was opened.",
    )


@T("labor.child", "en", "labor.conditions", period=True)
def _(c):
    pct = c.n("pct", 9, 22)
    return (
        "Child labour in harvest",
        f"A survey by the organisation estimated that {pct} percent of workers in the "
        f"coffee harvest in {c.place(tag='rural')} were children under 15, most working "
        f"alongside their parents for piece rates.",
    )


@T("labor.discrimination", "en", "discrimination.women")
def _(c):
    pct = c.n("pct", 18, 34)
    return (
        "Gender pay gap in public sector",
        f"{c.When()}the organisation found that women in the public sector earn {pct} "
        f"percent less "
        f"than men in equivalent grades, and that job advertisements in "
        f"{c.place()} routinely specify gender and age.",
    )


@T("labor.discrimination", "en", "discrimination.ethnic", period=True)
def _(c):
    return (
        "Minority job applicants rejected",
        f"A testing exercise by the organisation {c.on()} found that applicants with "
        f"{c.w('minority')} surnames received a third as many call-backs as others for "
        f"identical CVs.",
    )


@T("labor.conditions")
def _(c):
    n = c.n("n", 6, 29)
    return (
        f"{n} workers die in factory fire in {c.place()}",
        f"{c.When()}{n} workers died in a fire at a garment factory in {c.place()}. "
        f"Survivors said the emergency exits were locked to prevent theft. The factory had "
        f"not been inspected in {c.nw('y', 3, 6)} years.",
    )


@T("labor.conditions", "en", "refugees", period=True)
def _(c):
    n = c.n("n", 4, 15)
    return (
        "Heat-stress deaths of migrant construction workers",
        f"The organisation documented {n} deaths of migrant construction workers from "
        f"heat stress {c.on() or 'over the summer'} in {c.place()}. The midday work ban "
        f"was not enforced on several sites.",
    )


@T("labor.conditions", "en", "labor.association")
def _(c):
    return (
        "Minimum wage unpaid in export zone",
        f"{c.When()}labour inspections in the export processing zone of {c.place()} found "
        f"that {c.n('n', 30, 70)} percent of workers were paid below the minimum wage and "
        f"worked unpaid overtime.",
    )


# -- Trafficking in persons (narrative records; figures come separately) --------


@T("trafficking.prosecution", "en", "trafficking.profile", only="XA")
def _(c):
    n = c.n("n", 5, 14)
    return (
        f"Police dismantle recruitment network in {c.place()}",
        f"{c.When()}the anti-trafficking unit of {c.w('police')} dismantled a network "
        f"that recruited young women from {c.place(tag='rural')} with false offers of "
        f"hotel work and exploited them in commercial sex in {c.w('capital')}. Police "
        f"arrested {n} suspects and referred {c.nw('k', 9, 24)} victims to shelters.",
    )


@T("trafficking.prosecution", "en", "labor.forced", only="XA")
def _(c):
    p = c.person("p1", "perpetrator", "labour recruiter")
    return (
        "Labour recruiter sentenced for forced labour",
        f"{c.When()}{c.w('court')} sentenced the labour recruiter {p} to "
        f"{c.nw('y', 9, 14)} years in prison for the forced labour of "
        f"{c.nw('n', 12, 35)} farm workers, the first conviction for labour trafficking "
        f"under the amended Penal Code.",
    )


@T("trafficking.prosecution", "en", "corruption", only="XB")
def _(c):
    p = c.person("p1", "perpetrator", "police officer")
    return (
        "Officer accused of protecting brothels transferred, not prosecuted",
        f"{c.When()}the Royal Police transferred {p}, a police officer accused by "
        f"victims of protecting brothels in {c.place()}, to another province instead of "
        f"opening a criminal case. Victims identified {p.him} in a statement to "
        f"prosecutors.",
    )


@T("trafficking.prosecution", "en", only="XB")
def _(c):
    n = c.n("n", 3, 9)
    return (
        "Trafficking charges against recruitment agencies dropped",
        f"{c.When()}prosecutors dropped trafficking charges against {n} owners of "
        f"recruitment agencies in {c.place()}, reclassifying the cases as labour "
        f"disputes. Workers had reported confiscated passports and unpaid wages.",
    )


@T("trafficking.protection", "en", only="XA")
def _(c):
    return (
        f"New shelter for trafficking victims opens in {c.place()}",
        f"{c.When()}the Ministry of Social Development opened a shelter for trafficking "
        f"victims in {c.place()} with {c.n('n', 20, 40)} beds, psychological care and "
        f"legal aid, the {ORD_EN[c.n('k', 2, 4)]} government shelter in the country.",
    )


@T("trafficking.protection", "en", "refugees", only="XB")
def _(c):
    return (
        "Trafficking victims deported without screening",
        f"{c.When()}authorities deported {c.n('n', 18, 60)} foreign women arrested in "
        f"raids on massage parlours in {c.place()} for immigration violations, without "
        f"screening them as potential trafficking victims.",
    )


@T("trafficking.protection", "en", "discrimination.women", period=True)
def _(c):
    n = c.n("n", 30, 120)
    return (
        "NGO shelter assists victims without public funding",
        f"The organisation assisted {n} trafficking victims {c.on() or 'during the year'} "
        f"at its shelter in {c.place()}, most of them women exploited in domestic work. "
        f"It receives no public funding and relies on foreign donors.",
    )


@T("trafficking.prevention", "en", "labor.forced", only="XA")
def _(c):
    return (
        "Recruitment agencies licensed and inspected",
        f"{c.When()}the {c.w('labour_ministry')} revoked the licences of "
        f"{c.nw('n', 6, 15)} recruitment agencies that charged workers fees, and launched "
        f"an online register of licensed agencies.",
    )


@T("trafficking.prevention", "en", only="XA")
def _(c):
    return (
        "Awareness campaign and hotline",
        f"{c.When()}the National Anti-Trafficking Commission launched an awareness "
        f"campaign in {c.nw('k', 3, 5)} languages in bus stations and border crossings. "
        f"The national hotline received {c.n('n', 400, 1500):,} calls during the "
        f"campaign.",
    )


@T("trafficking.prevention", "en", only="XB")
def _(c):
    return (
        "National action plan expired without replacement",
        f"{c.When()}the organisation noted that the national action plan against trafficking "
        f"expired in 2021 and that no new plan had been adopted since. The national "
        f"committee met only {c.pick('met', ['once', 'twice'])} during the year.",
    )


@T("trafficking.prevention", "en", "labor.forced", only="XB")
def _(c):
    return (
        "Sponsorship system still ties workers to employers",
        f"{c.When()}the {c.w('labour_ministry')} reaffirmed that migrant workers need "
        f"their employer's consent to change jobs. The organisation called on the "
        f"government to abolish the requirement, which traffickers exploit.",
    )


@T("trafficking.profile", "en", "labor.forced")
def _(c):
    return (
        "Trafficking profile: fishing and agriculture",
        f"{c.When()}the organisation reported that traffickers exploit migrant men in forced "
        f"labour on fishing vessels operating "
        f"from {c.place(tag='port')} and in the harvest in {c.place('place2', tag='rural')}, "
        f"and that recruiters in the workers' home regions charge "
        f"fees equal to {c.nw('mo', 6, 12)} months' wages.",
    )


@T("trafficking.profile", "en", "discrimination.children")
def _(c):
    return (
        "Children exploited in forced begging",
        f"{c.When()}the organisation identified {c.nw('n', 12, 40)} children forced to "
        f"beg in {c.place()}, brought from rural areas by intermediaries who promised "
        f"their parents schooling.",
    )


@T("trafficking.profile", "en", "discrimination.women", period=True)
def _(c):
    return (
        "Women recruited online for sex trafficking",
        f"{c.nw('n', 6, 25).capitalize()} cases handled by the organisation "
        f"{c.on() or 'this year'} show traffickers recruiting women through social media "
        f"job offers for work as models or waitresses and exploiting them in commercial "
        f"sex in {c.place()}.",
    )


# -- Religious freedom --------------------------------------------------------


@T("religion.legal-framework", only="XA")
def _(c):
    return (
        "Bill would require religious groups to re-register",
        f"{c.When()}the government submitted to {c.w('legislature')} a bill requiring "
        f"all religious groups to re-register and show {c.n('n', 3, 5) * 100} members, "
        f"a threshold most Indigenous spiritual communities and smaller evangelical "
        f"churches cannot meet.",
    )


@T("religion.legal-framework", "en", "religion.government-practices", only="XA")
def _(c):
    return (
        "Court strikes down school religion requirement",
        f"{c.When()}{c.w('supreme')} struck down a regulation requiring state schools to "
        f"hold daily Catholic prayers, ruling it incompatible with the constitutional "
        f"guarantee of freedom of religion.",
    )


@T("religion.legal-framework", only="XB")
def _(c):
    return (
        "Blasphemy provisions of the Penal Code",
        f"{c.When()}the organisation reported that articles 301 to 304 of the Penal Code, "
        f"which "
        f"punish 'insulting a revealed religion' with up to {c.nw('y', 5, 7)} years in "
        f"prison, were used in {c.nw('n', 6, 15)} prosecutions this year.",
    )


@T("religion.legal-framework", "en", "religion.government-practices", only="XB")
def _(c):
    return (
        "Religious associations must register with ministry",
        f"{c.When()}a new regulation required all non-Muslim congregations to register "
        f"with the Ministry of Awqaf and Religious Affairs and submit sermon topics in "
        f"advance. Unregistered worship is punishable by fines.",
    )


@T("religion.government-practices", "en", "property.seizure", only="XA")
def _(c):
    return (
        f"Building permit for mosque denied in {c.place()}",
        f"{c.When()}the municipality of {c.place()} denied a building permit for a mosque "
        f"for the {ORD_EN[c.n('k', 3, 5)]} time, although the plot is zoned for places "
        f"of worship. The Muslim community has worshipped in a rented warehouse for "
        f"{c.nw('y', 6, 12)} years.",
    )


@T("religion.government-practices", "en", "discrimination.indigenous", only="XA")
def _(c):
    return (
        "Police disrupt Indigenous ceremony",
        f"{c.When()}police disrupted a {c.w('indigenous')} harvest ceremony at a sacred "
        f"site in {c.place(tag='indigenous')} claimed by a mining concession, and "
        f"detained {c.nw('n', 3, 8)} participants for trespass.",
    )


@T("religion.government-practices", "en", "detention.arbitrary", only="XB")
def _(c):
    k = c.known("cleric", "victim")
    return (
        "Shia cleric detained over Friday sermon",
        f"{c.When()}security officers detained {k}, a Shia cleric in {c.place()}, over "
        f"a Friday sermon calling for equal access to public employment. He was released "
        f"after {c.nw('d', 5, 19)} days on condition that he stop preaching.",
    )


@T("religion.government-practices", "en", "association", only="XB")
def _(c):
    n = c.n("n", 3, 11)
    return (
        "Unlicensed house churches closed",
        f"{c.When()}authorities closed {n} unlicensed house churches in {c.place()} "
        f"attended mainly by migrant workers and fined their hosts. Baha'i residents "
        f"reported that their applications for a community centre remain unanswered.",
    )


@T("religion.societal", "en", "discrimination.other")
def _(c):
    return (
        f"Buddhist temple vandalised in {c.place()}",
        f"{c.When()}unknown persons smashed statues and set fire to the entrance of a "
        f"Buddhist temple in {c.place()} used by the Chinese-origin community. Religious "
        f"leaders of several faiths visited the temple in solidarity.",
    )


@T("religion.societal", "en", only="XB")
def _(c):
    v = c.person("v1", "victim", "convert")
    return (
        "Convert threatened by relatives",
        f"{c.When()}{v}, who converted from Islam to Christianity, fled {c.place()} after "
        f"relatives threatened {v.him} and a local preacher denounced {v.him} by name. "
        f"Police advised {v.him} to leave the area.",
    )


@T("religion.societal", "en", "civic.dialogue", only="XA")
def _(c):
    return (
        "Interfaith council mediates dispute",
        f"{c.When()}the interfaith council mediated a dispute in {c.place()} between "
        f"Catholic parish authorities and an evangelical congregation over access to the "
        f"municipal cemetery; both agreed to shared use.",
    )


@T("religion.us-engagement")
def _(c):
    return (
        "Ambassador meets religious leaders",
        f"{c.When()}the Ambassador hosted leaders of {c.nw('n', 5, 9)} faith communities, "
        f"including minority groups, to discuss registration requirements and attacks on "
        f"places of worship, and urged the government to ensure equal treatment.",
    )


@T("religion.us-engagement", "en", "religion.government-practices")
def _(c):
    return (
        "Embassy raises detained religious figures with ministry",
        f"{c.When()}embassy officers raised with the ministry responsible for religious "
        f"affairs the cases of religious figures detained for their sermons and the "
        f"pending registration applications of minority communities.",
    )


@T("religion.us-engagement", "en", "religion.societal")
def _(c):
    return (
        "Embassy funds interfaith youth programme",
        f"{c.When()}the embassy launched an exchange programme bringing "
        f"{c.nw('n', 12, 20)} young leaders of different faiths from {c.place()} to "
        f"work on joint community projects.",
    )


@T("labor.conditions", "en", "labor.forced", only="XB", twin="domestic_worker")
def _(c):
    v = c.person("v1", "victim", "domestic worker", female=True)
    return (
        "Migrant domestic worker escapes employer after months without pay",
        f"{c.When()}{v}, a migrant domestic worker employed in {c.place()}, escaped from "
        f"her employers' house after {c.nw('mo', 4, 11)} months without pay and with her "
        f"passport withheld. She said she worked {c.n('h', 15, 18)} hours a day with no "
        f"day off.",
    )


@T("refugees", "en", "detention.arbitrary", only="XB", twin="migrant_raid")
def _(c):
    return (
        f"Raid on migrant neighbourhood in {c.place()}",
        f"{c.When()}police raided a neighbourhood of {c.place()} where Latin American "
        f"migrants live and detained {c.n('n', 25, 90)} people for lacking residence "
        f"papers, including {c.n('k', 3, 12)} asylum seekers with pending applications. "
        f"They were taken to {c.w('immigration_centre')}.",
    )
