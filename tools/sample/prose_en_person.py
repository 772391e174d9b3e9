"""English templates, part 1: integrity of the person, civil liberties, political process.

Each template registers itself with @T(topic, lang, *more categories) and returns
(title, summary), written with the context c (context.Ctx). The order of the templates
matters: the generator chooses among a topic's templates by position.
"""

from __future__ import annotations

from .dates import ORD_EN
from .templates import T, a_, cap

# -- Integrity of the person ------------------------------------------------


@T("killing.arbitrary")
def _(c):
    v = c.person(
        "v1", "victim", c.pick("grp", ["farmer", "student", "market vendor"]), female=False
    )
    return (
        f"Man killed in police raid in {c.place()}",
        f"{c.When()}police in {c.place()} shot and killed {v}, a {c.age(v)}-year-old "
        f"{v.group}, during a night raid on his family's home. Relatives said {v} was "
        f"unarmed and asleep; police stated that officers had fired in self-defence. "
        f"{cap(c.w('ombudsman'))} opened an inquiry on {c.later(2, 9)}.",
    )


@T("killing.arbitrary", "en", "assembly")
def _(c):
    v = c.person("v1", "victim", "protester")
    return (
        f"Protester dies after being hit by tear-gas canister in {c.place()}",
        f"{c.When()}{v}, a {c.age(v)}-year-old protester, died after {c.w('special')} fired "
        f"a tear-gas canister at close range during a demonstration in {c.place()}. "
        f"Video reviewed by the organisation shows an officer aiming directly at the crowd. "
        f"No officer had been suspended by the time of this submission.",
    )


@T("killing.arbitrary", "en", "defenders.attacks")
def _(c):
    v = c.person("v1", "victim", "environmental defender")
    return (
        f"Environmental defender shot dead near {c.place()}",
        f"{c.When()}unidentified gunmen shot dead {v}, a leader of the "
        f"{c.actor('community')}, outside {v.her} home near {c.place()}. {v.She} had "
        f"reported threats to police after opposing {c.w('company')}'s plans to expand "
        f"{c.w('mine')}. Police had arrested no suspects {c.nw('wk', 3, 8)} weeks later.",
    )


@T("killing.arbitrary", "en", "torture", "detention.conditions")
def _(c):
    v = c.person("v1", "victim", "detainee", female=False)
    return (
        f"Death in custody at {c.w('prison')}",
        f"{c.When()}{v}, {c.age(v)}, died in {c.w('prison')}, where he had been held "
        f"for {c.nw('mo', 2, 11)} months awaiting trial. Authorities attributed the death "
        f"to heart failure, but relatives who washed the body saw bruising on the back and "
        f"wrists and were refused an independent autopsy.",
    )


@T("killing.extrajudicial", "en", "conflict.abuses")
def _(c):
    w = c.person("w1", "witness", "farmer")
    return (
        f"Detainees allegedly executed at checkpoint near {c.place(tag='conflict')}",
        f"{c.When()}soldiers of {c.w('army')} executed {c.nw('n', 3, 7)} men they had "
        f"detained at a checkpoint near {c.place(tag='conflict')}, according to two "
        f"witnesses interviewed by the organisation, one of them {w}. The bodies were "
        f"found the next morning in a ravine, with hands bound.",
    )


@T("killing.extrajudicial")
def _(c):
    v = c.person(
        "v1", "victim", c.pick("grp", ["youth worker", "taxi driver", "student"]), female=False
    )
    return (
        f"Killing staged as 'exchange of fire' in {c.place()}",
        f"{c.When()}{c.w('special')} killed {v} in {c.place()} in what the "
        f"{c.w('interior')} described as an exchange of fire with criminals. Neighbours "
        f"said {v} had been taken alive from a shop an hour earlier, and photographs seen "
        f"by the organisation show a single gunshot wound to the back of the head.",
    )


@T("killing.extrajudicial", "en", "discrimination.ethnic", period=True)
def _(c):
    n = c.n("n", 9, 23)
    return (
        f"Pattern of killings of young men in {c.place()}",
        f"The organisation documented {n} killings of young men in {c.place()} "
        f"{c.on() or 'during the year'} that witnesses attributed to off-duty police "
        f"officers operating as a 'clean-up' squad. Most victims were from the "
        f"{c.w('minority')} community and had prior minor convictions; prosecutors had "
        f"charged no one.",
    )


@T("disappearance", "en", "detention.arbitrary")
def _(c):
    v = c.person("v1", "victim", c.pick("grp", ["blogger", "student", "trade unionist"]))
    return (
        f"{cap(v.group)} taken by plainclothes agents in {c.place()}",
        f"{c.When()}men in plain clothes who said they were from {c.w('intel')} took "
        f"{v}, {a_(v.group)}, from {v.her} home in {c.place()}. Authorities deny holding "
        f"{v.him} and {v.her} whereabouts remain unknown. {v.Her} family filed a habeas "
        f"corpus petition on {c.later(3, 12)}.",
    )


@T("disappearance", period=True)
def _(c):
    n = c.n("n", 11, 34)
    return (
        f"{n} new cases of enforced disappearance registered",
        f"The organisation registered {n} new cases of enforced disappearance "
        f"{c.on() or 'during the year'}, most of them young men taken at checkpoints around "
        f"{c.place()}. In {c.nw('k', 3, 8)} cases the person later reappeared in official "
        f"custody after more than a month without contact with family or lawyers.",
    )


@T("disappearance", "en", "defenders.attacks")
def _(c):
    v = c.person("v1", "victim", "human rights defender")
    w = c.person("w1", "witness", "family member")
    return (
        f"Defender missing since abduction in {c.place()}",
        f"{c.When()}{v}, who documented land conflicts for {c.actor('ngo')}, was forced "
        f"into an unmarked van in {c.place()}, according to {v.her} sister {w}, who "
        f"witnessed the abduction. Police refused to register a complaint for "
        f"{c.nw('d', 2, 6)} days.",
    )


@T("torture", "en", "detention.arbitrary")
def _(c):
    v = c.person("v1", "victim", c.pick("grp", ["student", "street vendor", "protester"]))
    return (
        f"Detainee tortured at {c.place()} police station",
        f"{c.When()}officers at the {c.place()} police station beat {v}, "
        f"a {c.age(v)}-year-old {v.group}, with batons and applied electric shocks to "
        f"force a confession, according to {v.her} lawyer. A medical examination on "
        f"{c.later(2, 6)} documented bruising and burns consistent with {v.her} account.",
    )


@T("torture", "en", "detention.conditions")
def _(c):
    v = c.person("v1", "victim", "former detainee")
    return (
        f"Former detainee describes ill-treatment at {c.w('remand')}",
        f"{v}, released {c.on() or 'this year'}, told the organisation that guards at "
        f"{c.w('remand')} held {v.him} in a stress position for {c.nw('h', 6, 14)} hours "
        f"and threatened {v.her} family. {v.She} identified one of the guards by name and "
        f"has filed a complaint with {c.w('ombudsman')}.",
    )


@T("torture", period=True)
def _(c):
    n = c.n("n", 14, 41)
    return (
        f"{n} cases of ill-treatment in police custody documented",
        f"The organisation documented {n} cases of torture or ill-treatment in police "
        f"custody in {c.place()} {c.on() or 'during the year'}, including beatings, "
        f"suffocation with plastic bags and mock executions. Prosecutors opened "
        f"investigations in only {c.nw('k', 2, 5)} of them.",
    )


@T("torture", "en", "killing.arbitrary", "trial.fairness")
def _(c):
    p = c.person("p1", "perpetrator", "police officer")
    v = c.person("v1", "victim", "detainee", female=False)
    return (
        "Court acquits officers in custodial torture case",
        f"{c.When()}{c.w('court')} acquitted Captain {p} and {c.nw('k', 2, 4)} other "
        f"officers charged over the torture of {v}, who suffered permanent kidney damage "
        f"in custody. The judge excluded the forensic report as filed late; the family "
        f"will appeal.",
    )


@T("detention.conditions")
def _(c):
    cap_ = c.n("cap", 600, 1400)
    held = cap_ + c.n("extra", 700, 1900)
    return (
        f"Severe overcrowding at {c.w('prison')}",
        f"{c.When()}a monitoring team from the organisation visited {c.w('prison')}, "
        f"which held {held} prisoners in space built for {cap_}. Inmates reported one "
        f"meal a day and no regular access to clean water, and {c.nw('k', 3, 9)} "
        f"prisoners had died of tuberculosis since January.",
    )


@T("detention.conditions", "en", "detention.pretrial")
def _(c):
    v = c.person("v1", "victim", "detainee")
    return (
        f"Hunger strike at {c.w('remand')}",
        f"{c.When()}{c.nw('n', 30, 140)} detainees at {c.w('remand')} began a hunger strike "
        f"against overcrowding, lack of medical care and the suspension of family visits. "
        f"Authorities transferred alleged organisers, among them {v}, to solitary "
        f"confinement.",
    )


@T("detention.conditions", "en", "discrimination.women")
def _(c):
    w = c.person("w1", "witness", "former prisoner", female=True)
    return (
        f"Conditions for women at {c.w('prison2')}",
        f"A former prisoner, {w}, told the organisation that women at {c.w('prison2')} "
        f"shared cells of {c.nw('n', 14, 20)} with a single latrine and that pregnant "
        f"women received no antenatal care. {w.She} said guards demanded payment for "
        f"sanitary products and blankets.",
    )


@T("detention.arbitrary", "en", "labor.association", twin="detain_union")
def _(c):
    v = c.person("v1", "victim", "trade unionist")
    return (
        f"Union members detained after meeting in {c.place()}",
        f"{c.When()}police in {c.place()} detained {c.nw('n', 7, 19)} members of the "
        f"{c.actor('union')}, including its secretary {v}, as they left a meeting on "
        f"unpaid wages. They were held for {c.n('h', 18, 52)} hours without access to "
        f"lawyers and released without charge.",
    )


@T("detention.arbitrary", "en", "expression.speech")
def _(c):
    v = c.person("v1", "victim", c.pick("grp", ["academic", "blogger", "human rights defender"]))
    return (
        f"{cap(v.group)} arrested at airport on return from abroad",
        f"{c.When()}agents of {c.w('intel')} arrested {v}, {a_(v.group)}, at {c.w('capital')} "
        f"airport on {v.her} return from a conference abroad. {v.She} was held "
        f"incommunicado for {c.nw('d', 4, 12)} days before being charged with 'spreading "
        f"false news'.",
    )


@T("detention.arbitrary", "en", "discrimination.ethnic")
def _(c):
    n = c.n("n", 40, 160)
    return (
        f"Mass arrests of {c.w('minority')} youths in {c.place()}",
        f"{c.When()}police rounded up {n} people in {c.place()}, most of them young men "
        f"from the {c.w('minority')} community, in what the {c.w('interior')} called a "
        f"preventive operation. The organisation interviewed {c.nw('k', 9, 17)} of those "
        f"held; none had been told why they were arrested.",
    )


@T("detention.arbitrary", "en", "detention.pretrial")
def _(c):
    v = c.person("v1", "victim", c.pick("grp", ["teacher", "lawyer", "community leader"]))
    return (
        f"Administrative detention without charge in {c.place()}",
        f"{c.When()}the governor of {c.place()} ordered the administrative detention of "
        f"{v}, {a_(v.group)}, for 90 days under the Public Order Decree, which allows "
        f"detention without charge or judicial review. {v.Her} detention was renewed on "
        f"expiry.",
    )


@T("detention.arbitrary", "en", "trial.political-prisoners")
def _(c):
    k = c.known("student" if c.country == "XA" else "blogger", "victim")
    return (
        f"Re-arrest of {k.group} days after release",
        f"{c.When()}police re-arrested {k}, {a_(k.group)} released from {c.w('prison')} "
        f"only {c.nw('d', 4, 11)} days earlier, at a bus station in {c.place()}. "
        f"No arrest warrant was shown, and {k.her} lawyer was not told where {k.she} "
        f"was taken.",
    )


@T("detention.pretrial")
def _(c):
    v = c.person("v1", "victim", "detainee")
    pct = c.n("pct", 38, 71)
    return (
        f"Most {c.w('remand')} detainees held beyond legal limit",
        f"The organisation reviewed the files of {c.n('n', 120, 260)} detainees held at "
        f"{c.w('remand')} and found that {pct} percent had spent more than two years in "
        f"pretrial detention, beyond the legal maximum. One of them, {v}, has waited "
        f"{c.nw('mo', 30, 44)} months for a first hearing.",
    )


@T("detention.pretrial", "en", "trial.fairness")
def _(c):
    v = c.person("v1", "victim", c.pick("grp", ["student", "journalist", "trade unionist"]))
    return (
        f"Pretrial detention of {v.group} extended again",
        f"{c.When()}{c.w('court')} extended for the fourth time the pretrial detention "
        f"of {v}, {a_(v.group)} held since the previous year on terrorism charges that the "
        f"defence says rest only on social media posts. The court gave no reasons.",
    )


@T("trial.fairness", "en", "trial.political-prisoners")
def _(c):
    v = c.person("v1", "victim", "opposition activist")
    n = c.n("n", 4, 11)
    return (
        f"{n + 1} opposition activists convicted after one-day closed trial",
        f"{c.When()}{c.w('court')} convicted {v} and {n} co-defendants of 'undermining "
        f"the constitutional order' after a one-day trial closed to the public and to "
        f"diplomats. Defence lawyers received the case file only the night before the "
        f"hearing. Sentences ranged from **{c.n('lo', 3, 6)} to {c.n('hi', 9, 15)} "
        f"years**.",
    )


@T("trial.fairness", "en", "torture", period=True)
def _(c):
    n = c.n("n", 25, 60)
    return (
        f"Trial monitoring in {c.place()}: confessions under duress admitted",
        f"The organisation monitored {n} criminal hearings in {c.place()} "
        f"{c.on() or 'during the year'}. In {c.nw('k', 8, 19)} of them the defendant had "
        f"no lawyer present, and judges admitted confessions that defendants said had "
        f"been extracted under duress.",
    )


@T("trial.fairness", "en", "detention.pretrial", only="XB")
def _(c):
    v = c.person("v1", "victim", "civil engineer")
    return (
        "Civilian tried before military court",
        f"{c.When()}a military court in {c.place()} sentenced {v}, a civilian, to "
        f"{c.nw('y', 5, 12)} years for 'aiding insurgents' after {v.she} repaired a water "
        f"pump in a village held by {c.w('armed_group')}. {v.She} had been held for "
        f"{c.nw('mo', 9, 20)} months before trial and met {v.her} lawyer once.",
    )


@T("trial.political-prisoners")
def _(c):
    k = c.known("lawyer" if c.country == "XA" else "defender", "victim")
    return (
        f"Appeal court upholds sentence of {k.group}",
        f"{c.When()}{c.w('supreme')} upheld the {c.nw('y', 5, 9)}-year sentence of {k}, "
        f"{a_(k.group)} convicted over {k.her} public advocacy for detainees. The "
        f"organisation considers {k.him} one of {c.n('n', 60, 140)} political prisoners "
        f"in {c.w('country')}.",
    )


@T("trial.political-prisoners", "en", "detention.conditions")
def _(c):
    v1 = c.person("v1", "victim", "opposition politician")
    v2 = c.person("v2", "victim", "student")
    return (
        "Updated list of political prisoners published",
        f"{c.When()}the organisation published its updated list of "
        f"{c.n('n', 70, 150)} political prisoners, including {v1} and {v2}. Both are held "
        f"in {c.w('prison')}, where relatives say they are denied medical care and "
        f"visits are limited to ten minutes a month.",
    )


@T("transnational-repression", "en", "privacy.interference")
def _(c):
    v = c.person("v1", "victim", "exiled dissident")
    return (
        "Relatives of exiled dissident summoned and threatened",
        f"{c.When()}{v}, a {c.w('people')} dissident living in exile, told the "
        f"organisation that {c.w('intel')} summoned {v.her} parents in {c.place()} and "
        f"told them to persuade {v.him} to stop {v.her} online commentary. Days later "
        f"{v.her} brother was dismissed from his job at the port authority.",
    )


@T("transnational-repression", "en", "expression.press")
def _(c):
    v = c.person("v1", "victim", "journalist")
    return (
        "Extradition sought against exiled journalist",
        f"{c.When()}authorities requested an international arrest notice against {v}, "
        f"an exiled journalist whose outlet reports on corruption, on fraud charges the "
        f"organisation considers politically motivated. {v.She} reports being followed "
        f"in {v.her} country of residence.",
    )


@T("transnational-repression", "en", "civic.hacking", period=True)
def _(c):
    n = c.n("n", 6, 14)
    return (
        "Spyware targeting of diaspora activists",
        f"{c.When()}forensic analysis by the organisation found spyware on the phones of "
        f"{n} {c.w('people')} activists living abroad. The "
        f"infrastructure matches servers previously linked to {c.w('intel')}.",
    )


@T("property.seizure", "en", "discrimination.indigenous", "business.conduct")
def _(c):
    n = c.n("n", 18, 65)
    return (
        f"{c.w('indigenous')} homes demolished for plantation in {c.place()}",
        f"{c.When()}authorities in {c.place(tag='indigenous')} demolished {n} homes "
        f"belonging to {c.w('indigenous')} families to make way for a "
        f"{c.w('company2')} plantation, without the consultation or compensation the law "
        f"requires. Families said police gave them two hours to remove belongings.",
    )


@T("property.seizure", "en", "association")
def _(c):
    org = c.actor("ngo")
    return (
        "NGO offices and accounts confiscated",
        f"{c.When()}the {c.w('interior')} confiscated the offices, vehicles and bank "
        f"accounts of {org} under {c.w('ngo_law')}, citing unpaid registration fees. The "
        f"organisation had not been notified of any proceedings and has appealed.",
    )


@T("property.seizure", "en", "displacement")
def _(c):
    n = c.n("n", 120, 900)
    return (
        "No restitution for families evicted in earlier conflict",
        f"{c.When()}the organisation reported that {n} families who fled "
        f"{c.w('conflict_region')} have still not recovered land now occupied by others. The "
        f"restitution commission created in 2019 has resolved {c.nw('k', 4, 20)} of "
        f"{n + c.n('m', 200, 600)} claims.",
    )


@T("privacy.interference", "en", "civic.hacking")
def _(c):
    v = c.person("v1", "victim", c.pick("grp", ["journalist", "lawyer", "human rights defender"]))
    return (
        f"Warrantless search of {v.group}'s home",
        f"{c.When()}police searched the home of {v}, {a_(v.group)}, in {c.place()} without "
        f"a warrant, seizing laptops, notebooks and {v.her} children's tablets. The "
        f"devices had not been returned {c.nw('wk', 3, 9)} weeks later.",
    )


@T("privacy.interference", "en", "trial.political-prisoners")
def _(c):
    v = c.person("v1", "victim", "political prisoner")
    return (
        "Prisoner's correspondence with lawyers monitored",
        f"{v}, held in {c.w('prison')}, told {v.her} family that guards open letters from "
        f"{v.her} lawyers and sit in on their meetings. The organisation considers this "
        f"a violation of lawyer-client privilege and has raised it with "
        f"{c.w('ombudsman')}.",
    )


@T("privacy.interference", "en", "civic.surveillance")
def _(c):
    return (
        f"Police collect biometric data door to door in {c.place()}",
        f"{c.When()}police officers went door to door in {c.place()} collecting "
        f"fingerprints and facial photographs of residents aged over 14, without a legal "
        f"basis or information on how the data will be used. Residents who refused were "
        f"told they could lose access to social benefits.",
    )


@T("conflict.abuses", "en", "killing.arbitrary", only="XA")
def _(c):
    n = c.n("n", 5, 14)
    return (
        f"Armed group attack on village in {c.w('conflict_region')}",
        f"{c.When()}fighters of {c.w('armed_group')} attacked a village in "
        f"{c.at('conflict_region')}, killing {n} civilians accused of informing for the "
        f"army and burning {c.nw('k', 8, 20)} houses. Survivors fled to "
        f"{c.place('place2', tag='urban')}.",
    )


@T("conflict.abuses", "en", only="XB")
def _(c):
    n = c.n("n", 6, 21)
    return (
        "Airstrike on market in Wadi Selan",
        f"{c.When()}an airstrike by {c.w('army')} hit a market in {c.w('conflict_region')}, "
        f"killing {n} civilians, including {c.nw('k', 2, 5)} children. Residents said no "
        f"fighters were present; the army said it targeted an insurgent meeting.",
    )


@T("conflict.abuses", "en", "discrimination.children", period=True)
def _(c):
    n = c.n("n", 14, 60)
    return (
        f"Child recruitment by {c.w('armed_group')}",
        f"The organisation documented the recruitment of {n} children, some as young as "
        f"{c.nw('a', 12, 14)}, by {c.w('armed_group')} in {c.w('conflict_region')} "
        f"{c.on() or 'during the year'}. Families said fighters demanded one child per "
        f"household.",
    )


@T("conflict.abuses", "en", "movement")
def _(c):
    return (
        f"Landmines block access to fields in {c.w('conflict_region')}",
        f"{c.When()}{c.nw('n', 2, 6)} farmers were killed by landmines laid near "
        f"irrigation channels in {c.w('conflict_region')}. Residents can no longer reach "
        f"their fields, and neither the army nor the armed group has shared maps of "
        f"mined areas.",
    )


@T("conflict.sexual-violence", "en", "conflict.abuses", "discrimination.women")
def _(c):
    n = c.n("n", 3, 9)
    return (
        f"Sexual violence at checkpoint near {c.place(tag='conflict')}",
        f"{c.When()}the organisation documented the rape of {n} women by soldiers at a "
        f"checkpoint near {c.place(tag='conflict')}. Survivors said they were detained "
        f"for lacking identity papers; none has filed a complaint for fear of reprisals.",
    )


@T("conflict.sexual-violence", period=True)
def _(c):
    v = c.person("v1", "victim", "survivor", female=True)
    return (
        "Survivor describes captivity by armed group",
        f"A survivor, {v}, told the organisation that fighters of {c.w('armed_group')} "
        f"held her and {c.nw('k', 2, 6)} other women for {c.nw('d', 9, 30)} days "
        f"{c.on()} and subjected them to repeated sexual violence. She now lives in a "
        f"displacement camp without access to medical or psychological care.",
    )


@T(
    "population-control.coercion",
    "en",
    "discrimination.indigenous",
    "discrimination.women",
    only="XA",
)
def _(c):
    v = c.person("v1", "victim", "Indigenous woman", female=True)
    return (
        f"Non-consensual sterilisations of {c.w('indigenous')} women",
        f"{c.When()}the organisation documented that {c.n('n', 9, 40)} women from "
        f"{c.w('indigenous')} communities in {c.place(tag='indigenous')} were sterilised "
        f"after caesarean deliveries at "
        f"the public hospital without informed consent. {v}, {c.age(v)}, said she learned "
        f"of the procedure only months later when she sought fertility treatment.",
    )


@T("population-control.coercion", "en", "discrimination.ethnic", only="XB")
def _(c):
    return (
        "Child benefits tied to contraceptive implants",
        f"{c.When()}health officials in {c.place()} made access to child benefits "
        f"conditional on {c.w('minority')} women accepting long-acting contraceptive "
        f"implants, according to women interviewed by the organisation. Officials denied "
        f"any such policy.",
    )


@T("population-control.coercion", "en", "discrimination.women")
def _(c):
    n = c.n("n", 150, 400)
    return (
        "Sterilisation quotas for district health workers",
        f"Under a family planning drive launched {c.on() or 'this year'}, district health "
        f"workers in {c.place(tag='rural')} were given monthly quotas of "
        f"{n} 'acceptors' of sterilisation and warned their pay would be cut if they fell "
        f"short. Women reported being offered food parcels to consent.",
    )


# -- Civil liberties --------------------------------------------------------


@T("expression.speech", "en", "civic.lawsuits")
def _(c):
    v = c.person("v1", "victim", c.pick("grp", ["schoolteacher", "retired engineer", "nurse"]))
    fine = c.n("fine", 3, 40) * 1000
    return (
        f"Fine for social media post criticising mayor of {c.place()}",
        f"{c.When()}a court in {c.place()} fined {v}, {a_(v.group)}, {fine:,} "
        f"{c.w('currency')} for 'insulting a public official' over a social media post "
        f"criticising the mayor's response to the floods. The complaint was filed by the "
        f"mayor's office the day after the post.",
    )


@T("expression.speech", "en", "detention.arbitrary", "expression.academic")
def _(c):
    v = c.person("v1", "victim", "musician", female=False)
    return (
        f"Rapper arrested after concert in {c.place()}",
        f"{c.When()}{c.w('police')} arrested the rapper {v} after a concert in "
        f"{c.place()} at which he performed a song mocking the {c.w('head')}. He was "
        f"charged with 'incitement' and released on bail after {c.nw('d', 3, 9)} days; "
        f"two other venues then cancelled his shows.",
    )


@T("expression.speech", "en", only="XB", period=True)
def _(c):
    n = c.n("n", 12, 37)
    return (
        "Prosecutions for 'offending the dignity of the Crown'",
        f"The organisation counted {n} prosecutions under article 207 of the Penal Code, "
        f"which criminalises 'offending the dignity of the Crown', "
        f"{c.on() or 'during the year'}. Most concerned comments on messaging apps; "
        f"{c.nw('k', 4, 9)} defendants received prison terms of one year or more.",
    )


@T("expression.speech", "en", "elections", only="XA")
def _(c):
    return (
        "Decree restricts 'disinformation' ahead of elections",
        f"{c.When()}the government issued a decree allowing {c.w('election_body')} to "
        f"order the removal of online content it deems 'electoral disinformation' within "
        f"six hours, with no appeal. Press groups said the wording covers ordinary "
        f"criticism of candidates.",
    )


@T("expression.press", twin="press_attack")
def _(c):
    v = c.person("v1", "victim", "journalist")
    outlet = c.actor("outlet")
    return (
        f"Journalist beaten while covering protest in {c.place()}",
        f"{c.When()}police beat the journalist {v} of {outlet} while {v.she} was filming "
        f"the dispersal of a protest in {c.place()}, and deleted the footage from {v.her} "
        f"camera. {v.She} was treated in hospital for a broken wrist.",
    )


@T("expression.press", "en", "ngo.access")
def _(c):
    outlet = c.actor("outlet")
    return (
        f"Broadcast licence of {outlet} suspended",
        f"{c.When()}the broadcasting regulator suspended the licence of {outlet} for "
        f"{c.nw('d', 15, 45)} days after it aired an interview with a member of "
        f"{c.w('party')}. The regulator cited 'threats to public order' but gave no "
        f"details of the content concerned.",
    )


@T("expression.press", "en", "corruption")
def _(c):
    v = c.person("v1", "victim", "journalist")
    return (
        "Editor sentenced over procurement reporting",
        f"{c.When()}{c.w('court')} sentenced the editor {v} to {c.nw('y', 2, 5)} years "
        f"in prison for criminal defamation over a series of articles on procurement "
        f"contracts at the {c.w('interior')}. The articles relied on leaked invoices that "
        f"the ministry has not disputed.",
    )


@T("expression.press", period=True)
def _(c):
    n = c.n("n", 24, 70)
    m = c.n("m", 10, 22)
    return (
        "Attacks on journalists rise",
        f"The organisation recorded {n} attacks on journalists and media workers "
        f"{c.on() or 'in the first half of the year'}, compared with {m} in the same "
        f"period a year earlier. Police officers were the alleged perpetrators in "
        f"{c.nw('k', 8, 19)} cases; none has led to a conviction.",
    )


@T("expression.press", "en", "civic.surveillance")
def _(c):
    v = c.person("v1", "victim", "journalist")
    return (
        "Tracking device found on investigative reporter's car",
        f"{c.When()}the investigative reporter {v} found a GPS tracking device under "
        f"{v.her} car, weeks after publishing an article on contracts for {c.w('mine')}. "
        f"Police declined to investigate, telling {v.him} the device was 'probably "
        f"commercial'.",
    )


@T("expression.press", "en", "expression.internet", only="XB")
def _(c):
    outlet = c.actor("outlet")
    return (
        f"Website of {outlet} blocked",
        f"{c.When()}internet providers blocked the website of {outlet} on the orders of "
        f"the {c.w('interior')}, days after it reported on casualties in "
        f"{c.w('conflict_region')}. The outlet now publishes through mirror sites.",
    )


@T("expression.internet", "en", "assembly")
def _(c):
    return (
        f"Mobile internet shut down in {c.place()} during protests",
        f"{c.When()}authorities cut mobile internet in {c.place()} for "
        f"{c.nw('d', 2, 9)} days while protests over water shortages continued. Network "
        f"measurements collected by the organisation showed the outage began an hour "
        f"before a planned march and ended when it was called off.",
    )


@T("expression.internet", "en", "expression.press")
def _(c):
    n = c.n("n", 30, 210)
    return (
        f"{n} websites blocked under {c.w('cyber_law')}",
        f"{c.When()}the telecommunications authority ordered the blocking of {n} "
        f"websites under {c.w('cyber_law')}, including news sites, a women's health forum "
        f"and two virtual private network providers. No court order was issued.",
    )


@T("expression.internet", "en", "expression.speech")
def _(c):
    v = c.person("v1", "victim", "blogger")
    return (
        f"Blogger sentenced under {c.w('cyber_law')}",
        f"{c.When()}a court in {c.place()} sentenced the blogger {v} to "
        f"{c.nw('mo', 8, 30)} months in prison under {c.w('cyber_law')} for posts "
        f"alleging nepotism in local hiring. The judge ordered {v.her} accounts closed.",
    )


@T("expression.academic")
def _(c):
    return (
        f"{c.w('univ')} cancels conference after ministry call",
        f"{c.When()}{c.w('univ')} cancelled a conference on land rights and historical "
        f"memory two days before it was due to open, after a call from the ministry of "
        f"education. Organisers said speakers from {c.actor('ngo')} had been named in "
        f"the call.",
    )


@T("expression.academic", "en", "labor.discrimination")
def _(c):
    v = c.person("v1", "victim", "academic")
    return (
        "Sociologist dismissed after publishing study",
        f"{c.When()}{c.w('univ')} dismissed the sociologist {v} after {v.she} published a "
        f"study on police killings in {c.place()}. The dismissal letter cited 'conduct "
        f"incompatible with the institution's neutrality'.",
    )


@T("expression.academic", "en", "expression.speech")
def _(c):
    return (
        f"Film screening and book fair events banned in {c.place()}",
        f"{c.When()}the governor of {c.place()} banned the screening of a documentary on "
        f"{c.w('minority')} history and the launch of {c.nw('k', 2, 4)} books at the local "
        f"book fair, citing 'risk to social harmony'.",
    )


@T("assembly", "en", "detention.arbitrary", twin="protest")
def _(c):
    v = c.person("v1", "victim", "protester")
    return (
        f"Peaceful march dispersed with tear gas in {c.place()}",
        f"{c.When()}{c.w('special')} used tear gas and rubber bullets to disperse a "
        f"peaceful march of about {c.n('n', 300, 4000):,} people in {c.place()} organised "
        f"by {c.actor('movement')}. The organisation documented {c.n('inj', 12, 60)} "
        f"injuries and {c.n('arr', 8, 45)} arrests, among them {v}.",
    )


@T("assembly")
def _(c):
    return (
        f"March by {c.actor('movement')} refused permission",
        f"{c.When()}the governor of {c.place()} refused permission for a march by "
        f"{c.actor('movement')}, citing 'public order', the {ORD_EN[c.n('k', 3, 6)]} "
        f"refusal this year. The organisers had "
        f"proposed a route away from government buildings.",
    )


@T("assembly", "en", "detention.arbitrary", "expression.academic")
def _(c):
    v = c.person("v1", "victim", "student")
    return (
        f"Students arrested at sit-in at {c.w('univ')}",
        f"{c.When()}police entered the campus of {c.w('univ')} and arrested "
        f"{c.nw('n', 12, 40)} students holding a sit-in against tuition increases, "
        f"including the student union president {v}. University rules require the "
        f"rector's consent for police to enter campus; it had not been given.",
    )


@T("assembly", "en", "civic.lawsuits")
def _(c):
    n = c.n("n", 6, 18)
    return (
        "Protest organisers charged with 'unlawful assembly'",
        f"{c.When()}prosecutors charged {n} organisers of the water protests in "
        f"{c.place()} with 'unlawful assembly' and 'obstructing traffic', offences "
        f"carrying up to {c.nw('y', 2, 4)} years in prison. The protests had been "
        f"notified to the municipality in advance.",
    )


@T("assembly", "en", "civic.registration", only="XB")
def _(c):
    return (
        "Vigil dispersed under Public Gatherings Law",
        f"{c.When()}police dispersed a candlelight vigil by {c.actor('movement')} in "
        f"{c.place()} under the Public Gatherings Law, which requires 72 hours' notice "
        f"and Interior Ministry approval for any gathering of more than "
        f"{c.nw('n', 5, 20)} people. Participants' names were recorded.",
    )


@T("assembly", "en", "defenders.protection", only="XA")
def _(c):
    return (
        f"Large march in {c.place()} passes peacefully",
        f"{c.When()}about {c.n('n', 5, 30) * 1000:,} people marched in {c.place()} for "
        f"the {c.actor('movement')} without incident. The organisation noted that police "
        f"followed the new protocol on the policing of demonstrations, kept a distance and "
        f"facilitated traffic.",
    )


@T("association", "en", "civic.registration")
def _(c):
    org = c.actor("ngo")
    return (
        "NGO dissolved for 'political activity'",
        f"{c.When()}a court ordered the dissolution of {org} at the request of the "
        f"{c.w('interior')}, which accused it of 'engaging in political activity' by "
        f"publishing a report on detention conditions. The group has appealed.",
    )


@T("association", "en", "discrimination.lgbtqi")
def _(c):
    org = c.actor("lgbt")
    return (
        f"Registration of {org} refused again",
        f"{c.When()}the registrar rejected for the {ORD_EN[c.n('k', 2, 4)]} time the "
        f"application of {org} to register as an association, stating that its aims "
        f"were 'contrary to public morals'. Without registration the group cannot rent "
        f"an office or open a bank account.",
    )


@T("association", "en", "labor.association")
def _(c):
    return (
        "Independent union denied registration",
        f"{c.When()}the {c.w('labour_ministry')} refused to register an independent "
        f"union of {c.n('n', 300, 1200)} workers at {c.w('mine')}, saying a union "
        f"affiliated with {c.w('ruling_party')} already represented them.",
    )


@T("movement", "en", "defenders.attacks", "ngo.access")
def _(c):
    v = c.person("v1", "victim", "human rights defender")
    return (
        "Defender stopped from travelling to UN session",
        f"{c.When()}border police at {c.w('capital')} airport prevented {v}, a human "
        f"rights defender, from boarding a flight to Geneva, where {v.she} was due to "
        f"speak at a UN Human Rights Council side event. Officers cited an unspecified "
        f"travel ban.",
    )


@T("movement", "en", "conflict.abuses", period=True)
def _(c):
    return (
        f"Checkpoints cut off villages in {c.w('conflict_region')}",
        f"{c.When()}{c.nw('n', 9, 20)} army checkpoints around {c.at('conflict_region')} "
        f"limited movement to daylight hours and required a pass for each trip. Patients "
        f"needing dialysis missed treatment.",
    )


@T("movement", "en", "privacy.interference", period=True)
def _(c):
    n = c.n("n", 20, 80)
    return (
        "Travel bans on relatives of activists",
        f"The organisation documented {n} travel bans {c.on() or 'this year'} on "
        f"relatives of jailed or exiled activists, imposed without court orders. Those "
        f"affected learned of the bans only at the airport.",
    )


@T("refugees", "en", "detention.conditions")
def _(c):
    n = c.n("n", 140, 480)
    return (
        f"Conditions at {c.w('immigration_centre')}",
        f"{c.When()}{c.at('immigration_centre')} held {n} asylum seekers, including "
        f"{c.nw('k', 20, 70)} children, in a facility built for {n // 2}. Detainees "
        f"told the organisation they had no access to the asylum procedure or to "
        f"lawyers.",
    )


@T("refugees")
def _(c):
    n = c.n("n", 25, 140)
    return (
        f"Asylum seekers returned at the border near {c.place(tag='border')}",
        f"{c.When()}border guards near {c.place(tag='border')} returned {n} people, "
        f"among them families with small children, across the border without assessing "
        f"their protection claims. {c.nw('k', 3, 9)} had registered with UNHCR.",
    )


@T("refugees", "en", "labor.discrimination")
def _(c):
    return (
        "Refugees barred from formal employment",
        f"{c.When()}the organisation reported that the {c.n('n', 2, 9) * 1000:,} recognised "
        f"refugees in {c.w('country')} still "
        f"cannot obtain work permits, {c.nw('y', 2, 4)} years after the government "
        f"promised reform. Most work informally in construction and agriculture for "
        f"below the minimum wage.",
    )


@T("displacement", "en", "conflict.abuses")
def _(c):
    n = c.n("n", 20, 90) * 100
    return (
        f"Fighting displaces {n:,} people in {c.w('conflict_region')}",
        f"{c.When()}fighting between {c.w('army')} and {c.w('armed_group')} displaced "
        f"about {n:,} people from villages in {c.at('conflict_region')}. Most are "
        f"sheltering in schools in {c.place('place2', tag='urban')}, where classes have been "
        f"suspended.",
    )


@T("displacement", "en", "discrimination.children")
def _(c):
    n = c.n("n", 800, 3000)
    return (
        "Camp for displaced families lacks water and schooling",
        f"{c.When()}the organisation visited a camp near {c.place()} hosting "
        f"{n:,} internally displaced people. Residents have one water point for every "
        f"{c.n('k', 300, 600)} people, and children have had no schooling since they "
        f"arrived.",
    )


@T("displacement", "en", "property.seizure", "business.conduct")
def _(c):
    n = c.n("n", 60, 240)
    return (
        f"Families evicted for dam project near {c.place()}",
        f"{c.When()}{n} families were evicted from villages near {c.place(tag='rural')} "
        f"to make way for a hydroelectric dam. Resettlement plots lack water, and "
        f"compensation paid so far covers a fraction of land values.",
    )


@T("statelessness", "en", "discrimination.ethnic", only="XB")
def _(c):
    n = c.n("n", 40, 95) * 1000
    return (
        f"About {n:,} Arvani residents without nationality",
        f"About {n:,} {c.w('minority')} residents remain without nationality, according "
        f"to the organisation, because their grandparents were not registered in the 1961 "
        f"census. Their children cannot obtain birth certificates, sit national exams or "
        f"own property.",
    )


@T("statelessness", "en", "discrimination.children")
def _(c):
    return (
        "Children of migrants denied birth registration",
        f"{c.When()}civil registry offices in {c.place()} refused to register the births "
        f"of children of undocumented migrant parents, leaving them at risk of "
        f"statelessness. The organisation is assisting {c.nw('n', 30, 120)} families.",
    )


@T("statelessness", "en", "movement")
def _(c):
    v = c.person("v1", "victim", "stateless person")
    return (
        "Stateless man detained for lack of papers",
        f"{c.When()}police detained {v}, who was born in {c.place()} but has never held "
        f"any nationality, for {c.nw('d', 12, 40)} days for lacking identity documents. "
        f"No country accepts {v.him} for deportation.",
    )


# -- Political process and governance --------------------------------------


@T("elections")
def _(c):
    n = c.n("n", 8, 31)
    return (
        f"{n} opposition candidates disqualified",
        f"{c.When()}{c.w('election_body')} disqualified {n} candidates of "
        f"{c.w('party')} from the upcoming elections over alleged irregularities in "
        f"signature lists. Candidates of {c.w('ruling_party')} with similar errors were "
        f"allowed to correct them.",
    )


@T("elections", "en", "corruption")
def _(c):
    return (
        f"Vote buying and intimidation reported in {c.place()}",
        f"{c.When()}the organisation's {c.n('obs', 20, 140)} observers in {c.place()} "
        f"reported vote buying "
        f"with food parcels and intimidation of voters by local officials "
        f"{c.on() or 'on election day'}. In {c.nw('k', 6, 20)} polling stations, "
        f"observers were expelled before the count.",
    )


@T("elections", "en", "detention.arbitrary")
def _(c):
    v = c.person("v1", "victim", "opposition politician")
    return (
        "Opposition candidate arrested before election",
        f"{c.When()}police arrested {v}, candidate of {c.w('party')} for mayor of "
        f"{c.place()}, on charges of 'misusing public funds' dating from a decade "
        f"earlier. {v.She} was held until after the vote.",
    )


@T("elections", "en", "discrimination.disability")
def _(c):
    n = c.n("n", 55, 85)
    return (
        "Polling stations inaccessible to voters with disabilities",
        f"{c.When()}a survey by the organisation of {c.n('ps', 40, 200)} polling stations in "
        f"{c.place()} found that "
        f"{n} percent had no step-free access and that no ballot guides in Braille were "
        f"available.",
    )


@T("corruption")
def _(c):
    p = c.person("p1", "perpetrator", "former mayor")
    return (
        f"Former mayor of {c.place()} charged with embezzlement",
        f"{c.When()}prosecutors charged {p}, former mayor of {c.place()}, with embezzling "
        f"{c.n('n', 3, 40)} million {c.w('currency')} earmarked for flood reconstruction. "
        f"It is the first such case against a member of {c.w('ruling_party')} in "
        f"{c.nw('y', 4, 9)} years.",
    )


@T("corruption", "en", "expression.press")
def _(c):
    pct = c.n("pct", 18, 46)
    return (
        "Audit finds unaccounted public funds",
        f"An audit report leaked to {c.actor('outlet')} {c.on()} showed that {pct} "
        f"percent of funds for school meals in {c.place()} could not be accounted for. "
        f"The reporter who published it was questioned by police about the source.",
    )


@T("corruption", "en", "trial.fairness")
def _(c):
    p = c.person("p1", "perpetrator", "judge")
    return (
        "Judge suspended over bribery allegations",
        f"{c.When()}the judicial council suspended Judge {p} of {c.place()} after "
        f"recordings surfaced of {p.him} negotiating payments for favourable bail "
        f"decisions. The organisation said at least {c.nw('n', 6, 15)} detainees had "
        f"been held because their families could not pay.",
    )


@T("ngo.access", "en", "defenders.attacks")
def _(c):
    return (
        "UN Special Rapporteur's visit postponed again",
        f"{c.When()}the government again postponed the visit of the UN Special "
        f"Rapporteur on human rights defenders, first requested {c.nw('y', 3, 6)} years "
        f"ago, citing 'scheduling constraints'.",
    )


@T("ngo.access", "en", "detention.conditions")
def _(c):
    return (
        "Prison visits by monitors suspended",
        f"{c.When()}the prison administration suspended monitoring visits by "
        f"{c.actor('ngo')} to {c.at('prison')} until further notice, days after the group "
        f"published findings on overcrowding. The International Committee of the Red "
        f"Cross retained access.",
    )


@T("ngo.access")
def _(c):
    n = c.n("n", 6, 19)
    return (
        "Government silent on UN communications",
        f"{c.When()}the organisation noted that the government had not replied to {n} "
        f"communications from UN special procedures sent since January, including "
        f"urgent appeals on {c.nw('k', 3, 8)} detained defenders. It also reported that "
        f"its own requests to meet the {c.w('interior')} went unanswered.",
    )


@T("ngo.access", "en", "civic.dialogue", only="XA")
def _(c):
    return (
        "Ombudsman opens regional office and invites NGOs",
        f"{c.When()}{c.w('ombudsman')} opened a regional office in {c.place()} and "
        f"signed a cooperation agreement with {c.nw('n', 8, 25)} local organisations for "
        f"joint monitoring of detention facilities.",
    )
