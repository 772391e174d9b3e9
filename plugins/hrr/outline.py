"""The two HRR outlines, headings exactly as the published reports print them.

* Edition "2023": the seven-section outline used for reporting years up to
  2023 (earlier years used it with small wording changes; 2017 is the first
  year it is offered for).
* Edition "2024": the three-section outline used from the 2024 reports on.

Section ids are stable: records target them (``hrr:1.c``) and saved versions
refer to them. Each heading also carries the prose the plugin needs: the
topic of its "There were no reports of ..." sentence, the clause of its
"There were reports that ..." sentence where the published report uses one,
and the phrase the Executive Summary uses for it.
"""

from __future__ import annotations

from dataclasses import dataclass

from hrdraft import Edition, SectionSpec


@dataclass(frozen=True)
class Heading(SectionSpec):
    """A SectionSpec with the HRR prose for it.

    `issue` is how the Executive Summary names the heading's problem ("Significant
    human rights issues included credible reports of: ..."); empty for a heading
    the summary never lists. `claim` is the clause after "There were reports
    that"; without one the lead sentence reads "There were reports of {topic}."
    """

    issue: str = ""
    claim: str | None = None


SUMMARY = Heading(id="summary", title="Executive Summary")

_TORTURE = "torture or cruel, inhuman, or degrading treatment or punishment"
_LGBTQI = (
    "Acts of Violence, Criminalization, and Other Abuses Based on Sexual Orientation, "
    "Gender Identity or Expression, or Sex Characteristics"
)

SEVEN_SECTIONS: tuple[Heading, ...] = (
    SUMMARY,
    Heading(
        id="1",
        number="Section 1.",
        title="Respect for the Integrity of the Person",
        children=(
            Heading(
                id="1.a",
                number="a.",
                title="Arbitrary Deprivation of Life and Other Unlawful or Politically "
                "Motivated Killings",
                topic="arbitrary or unlawful killings",
                claim="the government or its agents committed arbitrary or unlawful killings",
                issue="arbitrary or unlawful killings, including extrajudicial killings",
            ),
            Heading(
                id="1.b",
                number="b.",
                title="Disappearance",
                topic="disappearances by or on behalf of government authorities",
                issue="enforced disappearance",
            ),
            Heading(
                id="1.c",
                number="c.",
                title="Torture and Other Cruel, Inhuman, or Degrading Treatment or Punishment, "
                "and Other Related Abuses",
                topic=_TORTURE,
                claim=f"government officials employed {_TORTURE}",
                issue=_TORTURE,
                children=(
                    Heading(
                        id="1.c.prison",
                        title="Prison and Detention Center Conditions",
                        topic="harsh or life-threatening prison and detention center conditions",
                        issue="harsh and life-threatening prison conditions",
                    ),
                ),
            ),
            Heading(
                id="1.d",
                number="d.",
                title="Arbitrary Arrest or Detention",
                topic="arbitrary arrest or detention",
                claim="the government arbitrarily arrested or detained persons",
                issue="arbitrary arrest or detention",
                children=(
                    Heading(
                        id="1.d.arrest",
                        title="Arrest Procedures and Treatment of Detainees",
                        topic="abuses in arrest procedures or the treatment of detainees",
                        issue="abuses in arrest procedures and the treatment of detainees",
                    ),
                    Heading(
                        id="1.d.pretrial",
                        title="Pretrial Detention",
                        topic="prolonged pretrial detention",
                        issue="prolonged pretrial detention",
                    ),
                ),
            ),
            Heading(
                id="1.e",
                number="e.",
                title="Denial of Fair Public Trial",
                topic="denial of fair public trial",
                issue="denial of fair public trial",
                children=(
                    Heading(
                        id="1.e.trial",
                        title="Trial Procedures",
                        topic="violations of fair trial procedures",
                        issue="violations of fair trial procedures",
                    ),
                    Heading(
                        id="1.e.political",
                        title="Political Prisoners and Detainees",
                        topic="political prisoners or detainees",
                        issue="political prisoners or detainees",
                    ),
                ),
            ),
            Heading(
                id="1.f",
                number="f.",
                title="Transnational Repression",
                topic="transnational repression",
                issue="transnational repression against individuals in another country",
            ),
            Heading(
                id="1.g",
                number="g.",
                title="Property Seizure and Restitution",
                topic="arbitrary property seizure or restitution disputes",
                issue="arbitrary property seizure",
            ),
            Heading(
                id="1.h",
                number="h.",
                title="Arbitrary or Unlawful Interference with Privacy, Family, Home, or "
                "Correspondence",
                topic="arbitrary or unlawful interference with privacy, family, home, or "
                "correspondence",
                issue="arbitrary or unlawful interference with privacy",
            ),
            Heading(
                id="1.i",
                number="i.",
                title="Conflict-related Abuses",
                topic="conflict-related abuses",
                issue="serious abuses in a conflict",
                conditional=True,
            ),
        ),
    ),
    Heading(
        id="2",
        number="Section 2.",
        title="Respect for Civil Liberties",
        children=(
            Heading(
                id="2.a",
                number="a.",
                title="Freedom of Expression, Including for Members of the Press and Other Media",
                topic="restrictions on freedom of expression, including for members of the "
                "press and other media",
                issue="serious restrictions on freedom of expression and media freedom",
                children=(
                    Heading(
                        id="2.a.internet",
                        title="Internet Freedom",
                        topic="government restrictions on internet freedom",
                        issue="serious restrictions on internet freedom",
                    ),
                    Heading(
                        id="2.a.academic",
                        title="Academic Freedom and Cultural Events",
                        topic="government restrictions on academic freedom or cultural events",
                        issue="restrictions on academic freedom and cultural events",
                    ),
                ),
            ),
            Heading(
                id="2.b",
                number="b.",
                title="Freedoms of Peaceful Assembly and Association",
                topic="restrictions on the freedoms of peaceful assembly and association",
                issue="substantial interference with the freedom of peaceful assembly and "
                "freedom of association",
            ),
            Heading(
                id="2.c",
                number="c.",
                title="Freedom of Religion",
                topic="restrictions on freedom of religion",
                issue="restrictions of religious freedom",
                pointer="irf",
            ),
            Heading(
                id="2.d",
                number="d.",
                title="Freedom of Movement and the Right to Leave the Country",
                topic="restrictions on freedom of movement or the right to leave the country",
                issue="restrictions on freedom of movement",
            ),
            Heading(
                id="2.e",
                number="e.",
                title="Protection of Refugees",
                topic="abuses of refugees or asylum seekers",
                issue="abuses of refugees and asylum seekers",
            ),
            Heading(
                id="2.f",
                number="f.",
                title="Status and Treatment of Internally Displaced Persons",
                topic="abuses of internally displaced persons",
                issue="abuses of internally displaced persons",
                conditional=True,
            ),
            Heading(
                id="2.g",
                number="g.",
                title="Stateless Persons",
                topic="abuses of stateless persons",
                issue="abuses of stateless persons",
                conditional=True,
            ),
        ),
    ),
    Heading(
        id="3",
        number="Section 3.",
        title="Freedom to Participate in the Political Process",
        children=(
            Heading(
                id="3.elections",
                title="Elections and Political Participation",
                topic="restrictions on elections or political participation",
                issue="serious and unreasonable restrictions on political participation",
            ),
        ),
    ),
    Heading(
        id="4",
        number="Section 4.",
        title="Corruption in Government",
        topic="corruption in government",
        issue="serious government corruption",
    ),
    Heading(
        id="5",
        number="Section 5.",
        title="Governmental Posture Towards International and Nongovernmental Investigation "
        "of Alleged Abuses of Human Rights",
        topic="government restrictions on or harassment of domestic and international human "
        "rights organizations",
        issue="serious government restrictions on or harassment of domestic and international "
        "human rights organizations",
    ),
    Heading(
        id="6",
        number="Section 6.",
        title="Discrimination and Societal Abuses",
        children=(
            Heading(
                id="6.women",
                title="Women",
                topic="violence or discrimination against women",
                issue="gender-based violence and discrimination against women",
            ),
            Heading(
                id="6.ethnic",
                title="Systemic Racial or Ethnic Violence and Discrimination",
                topic="systemic racial or ethnic violence and discrimination",
                issue="crimes involving violence or threats of violence targeting members of "
                "racial or ethnic minority groups",
            ),
            Heading(
                id="6.children",
                title="Children",
                topic="abuse of children",
                issue="abuse of children",
            ),
            Heading(
                id="6.indigenous",
                title="Indigenous Peoples",
                topic="abuses against Indigenous peoples",
                issue="crimes involving violence or threats of violence targeting Indigenous "
                "peoples",
            ),
            Heading(
                id="6.lgbtqi",
                title=_LGBTQI,
                topic="acts of violence, criminalization, or other abuses based on sexual "
                "orientation, gender identity or expression, or sex characteristics",
                issue="crimes involving violence or threats of violence targeting lesbian, "
                "gay, bisexual, transgender, queer, or intersex persons",
            ),
            Heading(
                id="6.disability",
                title="Persons with Disabilities",
                topic="abuses against persons with disabilities",
                issue="crimes involving violence or threats of violence targeting persons "
                "with disabilities",
            ),
            Heading(
                id="6.other",
                title="Other Societal Violence or Discrimination",
                topic="other societal violence or discrimination",
                issue="other societal violence or discrimination",
            ),
        ),
    ),
    Heading(
        id="7",
        number="Section 7.",
        title="Worker Rights",
        children=(
            Heading(
                id="7.a",
                number="a.",
                title="Freedom of Association and the Right to Collective Bargaining",
                topic="restrictions on freedom of association or the right to collective "
                "bargaining",
                issue="significant restrictions on workers' freedom of association",
            ),
            Heading(
                id="7.b",
                number="b.",
                title="Prohibition of Forced or Compulsory Labor",
                topic="forced or compulsory labor",
                issue="trafficking in persons, including forced or compulsory labor",
                pointer="tip",
            ),
            Heading(
                id="7.c",
                number="c.",
                title="Prohibition of Child Labor and Minimum Age for Employment",
                topic="child labor",
                issue="the worst forms of child labor",
            ),
            Heading(
                id="7.d",
                number="d.",
                title="Discrimination with Respect to Employment and Occupation",
                topic="discrimination with respect to employment and occupation",
                issue="discrimination with respect to employment and occupation",
            ),
            Heading(
                id="7.e",
                number="e.",
                title="Acceptable Conditions of Work",
                topic="violations of acceptable conditions of work",
                issue="violations of acceptable conditions of work",
            ),
        ),
    ),
)

THREE_SECTIONS: tuple[Heading, ...] = (
    SUMMARY,
    Heading(
        id="1",
        number="Section 1.",
        title="Life",
        children=(
            Heading(
                id="1.a",
                number="a.",
                title="Extrajudicial Killings",
                topic="extrajudicial killings",
                claim="the government or its agents committed extrajudicial killings",
                issue="extrajudicial killings",
            ),
            Heading(
                id="1.b",
                number="b.",
                title="Coercion in Population Control",
                topic="coercion in population control",
                issue="coercion in population control",
            ),
            Heading(
                id="1.c",
                number="c.",
                title="War Crimes, Crimes against Humanity, and Evidence of Acts that May "
                "Constitute Genocide, or Conflict-Related Sexual Violence",
                topic="war crimes, crimes against humanity, acts that may constitute genocide, "
                "or conflict-related sexual violence",
                issue="war crimes, crimes against humanity, or conflict-related sexual violence",
                conditional=True,
            ),
        ),
    ),
    Heading(
        id="2",
        number="Section 2.",
        title="Liberty",
        children=(
            Heading(
                id="2.a",
                number="a.",
                title="Freedom of the Press",
                topic="restrictions on freedom of the press",
                issue="serious restrictions on freedom of expression and media freedom",
            ),
            Heading(
                id="2.b",
                number="b.",
                title="Worker Rights",
                topic="abuses of worker rights",
                issue="significant restrictions on worker rights",
            ),
            Heading(
                id="2.c",
                number="c.",
                title="Disappearance and Abduction",
                topic="disappearances or abductions",
                issue="enforced disappearance or abduction",
            ),
            Heading(
                id="2.d",
                number="d.",
                title="Violations in Religious Freedom",
                topic="violations of religious freedom",
                issue="violations of religious freedom",
                pointer="irf",
            ),
            Heading(
                id="2.e",
                number="e.",
                title="Trafficking in Persons",
                topic="trafficking in persons",
                issue="trafficking in persons",
                pointer="tip",
            ),
        ),
    ),
    Heading(
        id="3",
        number="Section 3.",
        title="Security of the Person",
        children=(
            Heading(
                id="3.a",
                number="a.",
                title="Torture and Cruel, Inhuman, or Degrading Treatment or Punishment",
                topic=_TORTURE,
                claim=f"government officials employed {_TORTURE}",
                issue=_TORTURE,
            ),
            Heading(
                id="3.b",
                number="b.",
                title="Protection of Children",
                topic="abuses of children",
                issue="serious abuses of children",
            ),
            Heading(
                id="3.c",
                number="c.",
                title="Protection to Refugees",
                topic="abuses of refugees or asylum seekers",
                issue="abuses of refugees and asylum seekers",
            ),
            Heading(
                id="3.d",
                number="d.",
                title="Acts of Antisemitism and Antisemitic Incitement",
                topic="acts of antisemitism or antisemitic incitement",
                issue="acts of antisemitism and antisemitic incitement",
            ),
            Heading(
                id="3.e",
                number="e.",
                title="Instances of Transnational Repression",
                topic="transnational repression",
                issue="transnational repression against individuals in another country",
                conditional=True,
            ),
        ),
    ),
)

EDITIONS: tuple[Edition, ...] = (
    Edition(
        name="2023",
        title="Seven-section outline (reporting years up to 2023)",
        first_year=2017,
        last_year=2023,
        outline=SEVEN_SECTIONS,
    ),
    Edition(
        name="2024",
        title="Three-section outline (reporting years from 2024)",
        first_year=2024,
        last_year=None,
        outline=THREE_SECTIONS,
    ),
)
