"""The words the name scrubber reads around a name, by language.

Role nouns that may stand before a name ("journalist", "detainee",
"periodista", "律师"), the articles and determiners that may come before
them, the words that describe them ("investigative", "award-winning"), and
the words that end such a phrase. ``phrases.py`` builds its patterns from
these; a word added here is read in every draft the next time it compiles.
"""

from __future__ import annotations

__all__ = [
    "AFTER_NOUN",
    "AR_STEMS",
    "DETERMINERS",
    "MODIFIER_WORDS",
    "NOT_MODIFIERS",
    "NUMBER_WORDS",
    "PHRASE_BREAKS",
    "PROPER_WORDS",
    "ROLES",
    "ZH_MODIFIERS",
    "ZH_OPENS",
    "ZH_ROLES",
    "ZH_TRADITIONAL",
]

# Role nouns that may stand before a name, by language (lower case, folded
# spelling as written in the language).
ROLES = {
    "en": (
        "human rights defender|defender|journalist|photojournalist|reporter|editor|blogger|"
        "rapper|singer|musician|artist|poet|writer|author|activist|lawyer|attorney|teacher|"
        "student|nurse|farmer|worker|trade unionist|unionist|union leader|community leader|"
        "opposition leader|leader|politician|candidate|pastor|priest|rabbi|imam|sheikh|monk|"
        "nun|bishop|cleric|preacher|elder|chief|influencer|youtuber|comedian|actor|actress|"
        "filmmaker|academic|researcher|scholar|physician|cartoonist|footballer|athlete|"
        "detainee|former detainee|prisoner|former prisoner|political prisoner|"
        "prisoner of conscience|inmate"
    ),
    "es": (
        "defensora de derechos humanos|defensor de derechos humanos|periodista|fotoperiodista|"
        "reportera|reportero|bloguera|bloguero|rapera|rapero|cantante|artista|poeta|escritora|"
        "escritor|activista|defensora|defensor|abogada|abogado|maestra|maestro|profesora|"
        "profesor|estudiante|enfermera|enfermero|médica|médico|campesina|campesino|"
        "sindicalista|dirigente|lideresa|líder|pastora|pastor|sacerdote|rabino|imán|monja"
    ),
    "fr": (
        "défenseure des droits humains|défenseur des droits humains|journaliste|reporter|"
        "blogueuse|blogueur|rappeuse|rappeur|chanteuse|chanteur|artiste|poète|écrivaine|"
        "écrivain|militante|militant|activiste|défenseure|défenseur|avocate|avocat|"
        "enseignante|enseignant|professeure|professeur|étudiante|étudiant|infirmière|"
        "infirmier|médecin|syndicaliste|dirigeante|dirigeant|pasteur|prêtre|rabbin|imam"
    ),
}

# Words that stand before a role noun and make it definite or possessed
# ("the rapper", "her lawyer", "los periodistas"): the text keeps them.
NUMBER_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten"
DETERMINERS = {
    "en": (
        "a|an|the|his|her|their|its|our|my|your|this|these|those|another|other|both|several|"
        f"some|many|all|each|every|{NUMBER_WORDS}|\\d+"
    ),
    "es": "el|la|los|las|un|una|al|del|su|sus",
    "fr": "le|la|les|l'|l’|un|une|au|du|son|sa|ses|leur|leurs",
}
# Words describing an English role noun without an article before them
# ("investigative journalist", "award-winning reporter", "LGBTQI activist",
# "Valdorian lawyer", "human rights lawyer"): listed, or an adjective by its
# form. A verb before a role noun ("beat detainee X") is not one of them:
# the verbs that look like adjectives are excluded by name, and words in
# -ed are left out entirely ("Police jailed journalist X" is a verb).
PROPER_WORDS = (
    "Muslim|Christian|Catholic|Islamic|Jewish|Buddhist|Hindu|Sikh|Roma|Romani|Uyghur|Tibetan|"
    "Kurdish|Baha'i|Baha’i|Ahmadi|Shia|Shiite|Sunni|Evangelical|Orthodox|Protestant|"
    "Pentecostal|Indigenous|Arab|Amazigh|Yazidi"
)
MODIFIER_WORDS = (
    "investigative|independent|freelance|prominent|veteran|local|young|elderly|senior|junior|"
    "former|retired|leading|renowned|famous|popular|outspoken|well-known|fellow|female|male|"
    "woman|women|women's|women’s|youth|student|child|environmental|land|housing|climate|"
    "labour|labor|trade|union|peace|democracy|opposition|minority|religious|political|civic|"
    "civil|society|community|citizen|human|rights|migrant|domestic|foreign|gay|lesbian|"
    "bisexual|transgender|trans|feminist|radio|television|newspaper|online|documentary|press|"
    "media|sports|theatre|theater|street|church|mosque|village|tribal|" + PROPER_WORDS
)
# Words whose form says adjective ("-ive", "-al", ...) but that are verbs or numbers.
NOT_MODIFIERS = (
    "give|live|arrive|receive|deprive|drive|forgive|survive|revive|strive|thrive|dive|derive|"
    "perceive|deceive|conceive|five|sent|went|spent|meant|lent|bent|rent|present|represent|"
    "prevent|consent|resent|torment|comment|cement|invent|document|implement|repent|lament|"
    "dissent|want|grant|plant|chant|rant|supplant|implant|recant|warrant|steal|reveal|"
    "conceal|appeal|heal|seal|deal|repeal|signal|equal|rival|dial|panic|mimic|traffic|vary|"
    "several|individual|general|usual|total|final"
)
# Words that end a noun phrase before a role noun: what follows them is not
# described by what precedes ("the court sentenced journalist X": "sentenced").
PHRASE_BREAKS = {
    "en": frozenset(
        "and or but nor to of with by for on in at from into against about after before "
        "that which who whom whose as than is are was were be been has have had will would "
        "could should may might must can shall do does did beat met told held sent saw took "
        "gave found left brought shot hit put said made kept let set cut threw struck caught "
        "sought fought taught bought heard led fed bit drove wrote spoke chose stole tore "
        "won ran came became went got".split()
    ),
    "es": frozenset("y e o u de que a en por con para sin contra".split()),
    "fr": frozenset("et ou de que à en par avec pour sans contre".split()),
}

# Chinese role nouns (Simplified and Traditional), and the words before them
# that are part of the role ("维权律师": a rights lawyer). Written without
# spaces: the role is what the text has right before the name.
ZH_ROLES = (
    "人权捍卫者|人權捍衛者|人权卫士|人權衛士|捍卫者|捍衛者|维权人士|維權人士|活动人士|活動人士|"
    "社运人士|社運人士|异见人士|異見人士|摄影记者|攝影記者|记者|記者|律师|律師|编辑|編輯|"
    "博主|作家|诗人|詩人|艺术家|藝術家|说唱歌手|說唱歌手|歌手|音乐人|音樂人|牧师|牧師|"
    "神父|传道人|傳道人|主教|修女|僧人|伊玛目|伊瑪目|教师|教師|老师|老師|学生|學生|工人|"
    "农民|農民|护士|護士|医生|醫生|组织者|組織者|工会领袖|工會領袖|被拘留者|被关押者|"
    "被關押者|被羁押者|被羈押者|在押人员|在押人員|囚犯|政治犯|良心犯"
)
ZH_MODIFIERS = (
    "维权|維權|人权|人權|独立|獨立|调查|調查|著名|知名|资深|資深|青年|公民|民间|民間|"
    "宗教|基督教|天主教|家庭教会|家庭教會|女"
)
# Before these, a first mention takes "一名" ("警方拘留了一名记者"); after
# anything else (a possessive 的, a verb written close) the role stands as written.
ZH_OPENS = "，。；：、！？“”「」『』《》（）()\n 了和与與及对對将將把被向给給是包括"
# Characters only Traditional Chinese writes: a later mention there is "該律師".
ZH_TRADITIONAL = frozenset("師記權維動學關羈組藝編輯詩樂傳醫護農會員")
# Arabic role stems (detainee, held person, prisoner); phrases.py reads them
# with the article, the proclitics, the feminine and the plurals.
AR_STEMS = ("معتقل", "محتجز", "سجين")

# What a description's noun ends at ("mother of a detainee": "mother").
AFTER_NOUN = {
    "en": frozenset("of for from in at with on to against".split()),
    "es": frozenset("de del en para por con".split()),
    "fr": frozenset("de du des en pour par avec à".split()),
}
