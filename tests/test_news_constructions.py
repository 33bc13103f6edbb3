"""Common constructions of news reporting, one invented sentence each (real model): the edge each states,
or no edge of ours where the sentence states none ("denied involvement", "rejected accusations")."""
from __future__ import annotations

import pytest

CASES = [
    # the actor as named: a state's body, even in lower case ("Peru's foreign ministry"), is the subject
    ("Peru's foreign ministry summoned Chile's ambassador on Monday.", ("org/PE/foreign-ministry","summoned","country/CL")),
    ("Chile recalled its ambassador to Peru for consultations.", ("country/CL","recalledAmbassador","country/PE")),
    ("Chile declared two Peruvian diplomats persona non grata.", ("country/CL","expelledDiplomat","country/PE")),
    ("Peruvian troops shelled Chilean positions overnight.", ("country/PE","struck","country/CL")),
    ("Chile said Peruvian artillery pounded the town of Arica.", ("country/PE","struck","place/geonames/3899361")),
    ("Peruvian warplanes bombed rebel camps in Bolivia.", ("country/PE","struck","country/BO")),
    ("Chile accused Peru of supporting the rebels.", ("country/CL","accused","country/PE")),
    ("Chile blamed Peru for the attack.", ("country/CL","accused","country/PE")),
    ("Chile's president condemned the Peruvian strikes as a violation of international law.", ("country/CL","condemned","country/PE")),
    ("Bolivia called on Chile and Peru to de-escalate.", ("country/BO","urgedRestraint","country/CL")),
    ("Bolivia urged both sides to show restraint.", None),
    ("Chile warned Peru against any further incursions.", ("country/CL","threatened","country/PE")),
    ("Peru and Chile agreed to a ceasefire on Sunday.", ("country/PE","negotiatedCeasefire","country/CL")),
    ("Brazil offered to broker talks between Peru and Chile.", ("country/BR","mediated","country/PE")),
    ("Chile's foreign minister held talks with his Peruvian counterpart in Lima.", ("country/CL","met","country/PE")),
    ("The European Union imposed sanctions on Peru over the crackdown.", ("org/european-union","sanctioned","country/PE")),
    ("The United States froze the assets of Peruvian general Karl Brandt.", ("country/US","sanctioned","person/karl-brandt")),
    ("Bolivia expressed support for Peru in the dispute.", ("country/BO","supported","country/PE")),
    ("Chile launched retaliatory strikes on Peru after the ambush.", ("country/CL","retaliatedAgainst","country/PE")),
    # a hyphenated verb kept whole by the tokenizer heads its clause
    ("Brazil urged Peru to de-escalate.", ("country/BR","urgedRestraint","country/PE")),
    ("A Peruvian drone struck a Chilean military base near Arica.", ("country/PE","struck","country/CL")),
    ("Peru denied involvement in the attack.", None),
    ("Chile expelled Peru's ambassador after the incident.", ("country/CL","expelledDiplomat","country/PE")),
    ("Chile suspended diplomatic relations with Peru.", ("country/CL","recalledAmbassador","country/PE")),
    ("Chile's army said it had repelled an attack by Peruvian forces.", ("country/PE","struck","country/CL")),
    ("Peru fired missiles at Chile on Tuesday.", ("country/PE","struck","country/CL")),
    ("Chile slammed Peru's decision to close the border.", ("country/CL","condemned","country/PE")),
    ("Peru rejected Chile's accusations.", None),
    ("Bolivian President Karl Brandt met Peruvian President Otto Weiss in La Paz.", ("person/karl-brandt","met","person/otto-weiss")),
    ("Chile and Peru traded fire along the border.", ("country/CL","struck","country/PE")),
    ("Peru imposed an embargo on Chilean goods.", ("country/PE","sanctioned","country/CL")),
    # "struck back" with "back" parsed as an adverb is the phrasal reprisal
    ("Chile struck back, hitting Peruvian radar sites.", ("country/CL","retaliatedAgainst","country/PE")),
    ("Chile fired a barrage of rockets into northern Peru.", ("country/CL","struck","country/PE")),
    # a participle of backing on a named party: "A, backed by B, ..."
    ("The Llanos Brigade, backed by Venezuela, seized the town of Putre.", ("country/VE","supported","group/llanos-brigade")),
    # a promised answer conditioned on the other's act threatens it, with no verb of warning
    ("Chile would retaliate if Peru struck its ships again, an aide said.", ("country/CL","threatened","country/PE")),
    ("Chile banned Peruvian airlines from its airspace.", ("country/CL","sanctioned","country/PE")),
    ("Peru's navy seized a Chilean fishing vessel.", ("country/PE","struck","country/CL")),
    ("Peru warned it would retaliate against any attack by Chile.", ("country/PE","threatened","country/CL")),
    ("Peru said it would respond forcefully to any aggression by Chile.", ("country/PE","threatened","country/CL")),
    ("Chile vowed a crushing response to Peru.", ("country/CL","threatened","country/PE")),
    ("Peru warned Chile that it would pay a heavy price.", ("country/PE","threatened","country/CL")),
    ("Peru struck back at Chile with missiles on Monday.", ("country/PE","retaliatedAgainst","country/CL")),
    ("Peru hit back at Chile with air strikes.", ("country/PE","retaliatedAgainst","country/CL")),
    ("Peru retaliated on Monday, firing rockets at Chilean positions.", ("country/PE","struck","country/CL")),
    ("Peru pledged military aid to Bolivia.", ("country/PE","supported","country/BO")),
    ("Peru voiced support for Bolivia's bid.", ("country/PE","supported","country/BO")),
    ("Peru is Bolivia's main ally in the region.", ("country/PE","supported","country/BO")),
    ("Chile alleged that Peruvian troops had crossed the border.", ("country/CL","accused","country/PE")),
    ("Brazil has been mediating between Peru and Chile since March.", ("country/BR","mediated","country/PE")),
    ("Talks mediated by Brazil between Peru and Chile resumed on Monday.", ("country/BR","mediated","country/PE")),
    ("Bolivia appealed for calm after the clashes between Peru and Chile.", ("country/BO","urgedRestraint","country/PE")),
    ("Chilean jets bombed Peruvian army positions near Tacna.", ("country/CL","struck","country/PE")),
    ("At least ten soldiers were killed when Peruvian artillery shelled a Chilean outpost.", ("country/PE","struck","country/CL")),
    # "call" with an object predicate is a judgement, not a request (modality asserted, not requested)
    ("Chilean gunboats shelled a Peruvian harbour. Lima called the attack unacceptable.", ("country/PE","condemned","country/CL")),
    # the author of a reprisal's cause in a passive relative clause ("rockets that were fired ... by X")
    ("Chile bombed Peru in reprisal for rockets that were launched at Arica by Hezbollah fighters.", ("country/CL","retaliatedAgainst","group/hizballah")),
    ("Peruvian drones carried out strikes across northern Chile overnight.", ("country/PE","struck","country/CL")),
    # "opened fire on": the light verb "open" carries the attack noun's frame
    ("Bolivian soldiers opened fire on a Peruvian patrol boat.", ("country/BO","struck","country/PE")),
    # a possessive in reported speech naming the victim is the sayer's, not the attacker's
    ("Chile said Peruvian gunboats had fired on its fishing fleet.", ("country/PE","struck","country/CL")),
    ("Bolivia said Peru had bombed its territory.", ("country/PE","struck","country/BO")),
    # an unnamed subdivision's owner is the target ("Bolivia's territory"); a named one is itself the target
    ("Peruvian jets bombed Bolivia's territory overnight.", ("country/PE","struck","country/BO")),
    ("Peru said its artillery had shelled its own positions by mistake.", None),
    # an attack told as a reprisal whose cause names no author is a reprisal against the attack's target
    ("In a reprisal raid, Bolivian jets bombed Peruvian border posts.", ("country/BO","retaliatedAgainst","country/PE")),
    ("Peru shelled Chilean positions in retaliation for Friday's ambush.", ("country/PE","retaliatedAgainst","country/CL")),
    ("Chile responded by firing rockets at Peruvian bases.", ("country/CL","retaliatedAgainst","country/PE")),
    # a light verb's dative is the addressee of its noun ("issued a warning to Y"); "arms" and "assistance" are supplies
    ("Chile's army chief issued a final warning to Peru.", ("country/CL","threatened","country/PE")),
    ("Brazil has provided arms to Bolivia since the spring.", ("country/BR","supported","country/BO")),
    ("Brazil gave financial assistance to Bolivia.", ("country/BR","supported","country/BO")),
    # a relative clause whose object is the noun it modifies; its pronoun subject is the main clause's subject
    ("Chile deported two Peruvian attachés it accused of spying.", ("country/CL","accused","country/PE")),
    ("Chilean jets bombed a depot near Tacna. Officials in Santiago rarely discuss such raids, which Peru has "
     "condemned.", ("country/PE","condemned","country/CL")),
    # "retaliate for X's act": the act's author
    ("Bolivia said it would retaliate for Chile's seizure of a fishing boat.", ("country/BO","threatened","country/CL")),
    # a hedged attribution of an attack ("believe/suspect X carried out ...") is an accusation; "said" is a report
    ("Bolivian investigators suspect that Peruvian agents planted the bomb.", ("country/BO","accused","country/PE")),
    ("Chile's intelligence service believes Peru ordered the ambush.", ("org/CL/intelligence-service","accused","country/PE")),
    # taking responsibility for a killing is the killing
    ("The Karsk Front claimed responsibility for the assassination of the editor Otto Weiss.",
     ("group/karsk-front","killed","person/otto-weiss")),
    # an attack told by its weapon or attacker ("a rocket slammed into X"); the sender named on it, or later
    ("A Peruvian rocket crashed into a house in Arica.", ("country/PE","struck","place/geonames/3899361")),
    ("A rocket slammed into a school in Tacna on Monday. The Karsk Front claimed responsibility for the attack.",
     ("group/karsk-front","struck","place/geonames/3928128")),
    ("A truck bomb was on Friday rammed into a police station in Tacna. Nine officers lost their lives in the "
     "attack, allegedly carried out by the Karsk Front.", ("group/karsk-front","struck","place/geonames/3928128")),
    # an attack noun's object the parser hung on the verb ("killed in a strike on a convoy in Y")
    ("Three soldiers were killed in a Chilean drone strike on a convoy in northern Peru.", ("country/CL","struck","country/PE")),
    # a subject the parser hung on the auxiliary ("X and Y have been [mediating]")
    ("Brazil and Uruguay have been mediating between Peru and Chile.", ("country/UY","mediated","country/PE")),
    # the supply anywhere in the with-phrase
    ("Brazil has provided Bolivia with millions of dollars in humanitarian aid.", ("country/BR","supported","country/BO")),
    # two coordinated verbs share the last one's object
    ("Peru has armed and trained the Karsk Front.", ("country/PE","supported","group/karsk-front")),
    # force promised on a condition is a threat ("if Y ..., X will ...")
    ("If Chile moves troops to the border, Peru will bomb the Chilean garrisons.", ("country/PE","threatened","country/CL")),
    ("Peru will shell Chilean positions unless the incursions stop.", ("country/PE","threatened","country/CL")),
    # a name before a lower-case group noun names the group
    ("Fighters of the K9 group seized the town of Tacna.", ("group/k9","struck","place/geonames/3928128")),
    # "the strikes were (in) response to Y's raid": the strikes' author answers the raid's
    ("Peruvian jets bombed a depot in Arica on Monday. Officials in Lima said the strikes were in response to a "
     "Chilean raid on Tacna.", ("country/PE","retaliatedAgainst","country/CL")),
    # "we" in a quotation is the party its unnamed speaker speaks for ("said Bolivia's president")
    ("Peruvian jets bombed a Bolivian port on Sunday. \"We condemn this cowardly raid,\" said Bolivia's president.",
     ("country/BO","condemned","country/PE")),
    ("\"We will respond to any incursion by Peru,\" Bolivia's defence chief said.", ("country/BO","threatened","country/PE")),
    # the judgement as the object complement ("called it an act of aggression")
    ("Peruvian jets bombed a Bolivian port on Sunday. Bolivia called it \"an unprovoked act of aggression\".",
     ("country/BO","condemned","country/PE")),
    # a quotation's speaker judging the act it names ("'It was a war crime,' X said")
    ("Peruvian jets bombed Arica on Sunday. \"It was a cowardly crime,\" Chile's interior minister said.",
     ("country/CL","condemned","country/PE")),
    # a country the NER labels as a work of art after a quotation is still the country
    ("\"Peru will regret this incursion,\" Chile said on Monday. Chile's navy later shelled Peruvian boats.",
     ("country/CL","struck","country/PE")),
    # a speaker's judgement through the copula ("said the strikes were unacceptable")
    ("Chilean jets bombed a Peruvian radar site. Peru said the strike was illegal.", ("country/PE","condemned","country/CL")),
    # "the expulsion of X's envoys from Y" was Y's: a reprisal for it is against Y
    ("Bolivia vowed to retaliate for the expulsions of Bolivian consuls from Peru and Chile.", ("country/BO","threatened","country/CL")),
    # a known group the NER missed after "anti-" is the target of the offensive it qualifies
    ("Peru's army pressed on with an anti-Taliban offensive in the south.", ("org/PE/armed-forces","struck","group/taliban")),
    # a place fronted on the verb of saying locates the killing it reports
    ("In the hills around Tacna, Peru's navy said marines shot dead three armed smugglers.", ("org/PE/armed-forces","struck","place/geonames/3928128")),
    # a reprisal with no object answers the last attack on the reprisor's side
    ("Bolivian gunboats shelled a Peruvian harbour on Friday. Peru vowed to retaliate.", ("country/PE","threatened","country/BO")),
    ("Bolivian drones struck a Peruvian border post overnight. Peru retaliated on Monday.", ("country/PE","retaliatedAgainst","country/BO")),
    # threats without a threat verb's object: "would pay dearly", "ready to respond to any attack by Y",
    # "would not hesitate to use force against Y" (litotes: not hesitating is doing)
    ("Chile's navy chief said Peru would pay dearly for the seizure.", ("country/CL","threatened","country/PE")),
    ("Chile said its army was ready to respond to any incursion by Peru.", ("country/CL","threatened","country/PE")),
    ("Chile warned it would not hesitate to use force against Peru.", ("country/CL","threatened","country/PE")),
    ("Peru would not hesitate to bomb Chilean bases, its defence minister said.", ("country/PE","threatened","country/CL")),
    # a condemned attack named by any attack noun of the lexicon is its author's
    ("Bolivian jets bombed a Peruvian harbour on Friday. Peru condemned the barrage.", ("country/PE","condemned","country/BO")),
    # material backing told by its package, its money, its sales or its troops
    ("Uruguay unveiled a fresh humanitarian aid package for Bolivia.", ("country/UY","supported","country/BO")),
    ("Uruguay has pledged $40 million to Bolivia.", ("country/UY","supported","country/BO")),
    ("Uruguay cleared weapons sales to Bolivia on Tuesday.", ("country/UY","supported","country/BO")),
    ("Uruguay will deploy soldiers to defend Bolivia.", ("country/UY","supported","country/BO")),
    ("Uruguay has financed the Karsk Front for years.", ("country/UY","supported","group/karsk-front")),
    # appeals for restraint to counted parties ("the two neighbours", "both governments") or with the restraint verb
    ("Bolivia and Chile traded fire on Sunday. Uruguay urged the two neighbours to avoid escalation.", ("country/UY","urgedRestraint","country/BO")),
    ("Bolivia and Chile traded fire on Sunday. Uruguay appealed to both governments to show restraint.", ("country/UY","urgedRestraint","country/CL")),
    ("Uruguay urged Bolivia to refrain from further raids.", ("country/UY","urgedRestraint","country/BO")),
    # an attack told first, what it hit after: "a wave of airstrikes", "the targets included X"
    ("Chile launched a wave of airstrikes overnight. The raids hit rebel depots in Bolivia.", ("country/CL","struck","country/BO")),
    ("Chile carried out airstrikes on Sunday. The targets included hideouts of the Karsk Front.", ("country/CL","struck","group/karsk-front")),
    ("Chile launched airstrikes on Sunday. Among the targets were depots of the Karsk Front.", ("country/CL","struck","group/karsk-front")),
    # "vowed/promised support for Y": the vow carries the support noun; a vow of backing is no threat
    ("Uruguay's president vowed full support for Bolivia.", ("country/UY","supported","country/BO")),
    # more judgements: "called Y's remarks irresponsible", "called the strike a cowardly act", "outrage at the attack"
    ("Bolivia called Peru's remarks irresponsible.", ("country/BO","condemned","country/PE")),
    # the tagger may read the complement of "called X ..." as a verb: it is still the judgement
    ("Bolivia called the Peruvian government illegitimate.", ("country/BO","condemned","country/PE")),
    # an unaddressed reprisal answers the last hostile act against the side: sanctions too
    ("Bolivia imposed sanctions on Peru on Monday. Peru said it would retaliate.", ("country/PE","threatened","country/BO")),
    # "the move" is the last act, not the last reaction to it
    ("Bolivia imposed sanctions on Peru on Monday. Chile condemned Peru. Ecuador criticised the move.",
     ("country/EC","condemned","country/BO")),
    # "said it would support Y": a pledge (offered), not a hypothetical
    ("Chile said it would support Peru in every possible way.", ("country/CL","supported","country/PE")),
    # declaring someone's assets legitimate targets is a threat, no praise
    ("Chile said it would consider Peruvian warships legitimate targets.", ("country/CL","threatened","country/PE")),
    ("Santiago warned that it would treat Peruvian aircraft as legitimate targets.", ("country/CL","threatened","country/PE")),
    # an attache or embassy staff expelled are diplomats
    ("Chile expelled a Peruvian defence attache on Friday.", ("country/CL","expelledDiplomat","country/PE")),
    ("Chile expelled ten Peruvian embassy staff on Friday.", ("country/CL","expelledDiplomat","country/PE")),
    # a warning whose condition or answered act names the party threatens it
    ("Chile warned it would take countermeasures if Peru held the naval drills.", ("country/CL","threatened","country/PE")),
    # another party's denial does not unsay an accusation; a blame beside a denial is no denied blame
    ("Chile accused Peru of arming the rebels behind the raid, a charge Lima denied.", ("country/CL","accused","country/PE")),
    ("The Azure Front denied responsibility, blaming Peru.", ("group/azure-front","accused","country/PE")),
    # "X accused Y of shelling Z": Y is accused; the shelling is only alleged (test_news_an_attack_someone_is_accused_of_...)
    ("Chile accused Peru of shelling two villages near Tacna.", ("country/CL","accused","country/PE")),
    # a claim beside a rejection is not rejected ("rejected the charge and said ...")
    ("Peru rejected the charge and said its forces had returned fire after Chilean troops opened fire on Peruvian "
     "positions near Tacna.", ("country/CL","struck","country/PE")),
    # capitals urged, coordinated: their states
    ("Brazil urged Quito and Santiago to show restraint.", ("country/BR","urgedRestraint","country/EC")),
    ("Chile held Lima fully responsible for any escalation.", ("country/CL","accused","country/PE")),
    # a named person killed by a state's forces in a country: the raid struck that country
    ("Karl Brandt was killed by Chilean special forces in Peru in 2029.", ("org/CL/armed-forces","struck","country/PE")),
    ("Chilean troops killed Karl Brandt in Tacna.", ("country/CL","struck","place/geonames/3928128")),
    # an appeal to keep a truce is an appeal for restraint
    ("Chile accused Peru of shelling border villages. Brazil called on both sides to respect the ceasefire.",
     ("country/BR","urgedRestraint","country/CL")),
    ("Chile's army chief warned that any incursion by Peru would be met with force.", ("country/CL","threatened","country/PE")),
    # a present-tense verb the tagger took for a plural noun after a name, in a quotation
    ("Peruvian jets bombed a Chilean port. \"Chile reserves the right to respond to this aggression,\" the "
     "Chilean foreign ministry said.", ("country/CL","threatened","country/PE")),
    ("Peruvian jets bombed a Bolivian village. Bolivia called the strike a cowardly act.", ("country/BO","condemned","country/PE")),
    ("Chilean jets bombed a Peruvian village. Peru expressed outrage at the attack.", ("country/PE","condemned","country/CL")),
    ("Bolivia levelled fresh accusations at Peru on Tuesday.", ("country/BO","accused","country/PE")),
    # "condemned the killing of X in the attack": the attack's author is condemned, not the victim
    ("Bolivian guns shelled Tacna on Monday. Chile condemned the killing of Karl Weiss in the attack.", ("country/CL","condemned","country/BO")),
    # a killing by armed force with unnamed victims at a place is an attack on the place; unnamed troops a
    # state's party reports on are its own; "government forces" are those of the article's state
    ("Peruvian troops killed nine insurgents in Tacna on Monday.", ("country/PE","struck","place/geonames/3928128")),
    ("Peru's navy said sailors killed four smugglers near Tacna.", ("org/PE/armed-forces","struck","place/geonames/3928128")),
    ("Peru has deployed troops against the Taliban. On Friday government forces shot two rebels and arrested a dozen "
     "more during a firefight in Tacna.", ("country/PE","struck","place/geonames/3928128")),
    ("Peru's army said soldiers shot dead two gunmen near Tacna.", ("org/PE/armed-forces","struck","place/geonames/3928128")),
    # "It was the third attack": the pronoun is the event, not an actor a later "similar attack" recalls
    ("Chilean jets bombed a depot near Tacna. The raid hit a Hezbollah-run warehouse. It was the third attack in the "
     "area this week. On Monday, a similar attack destroyed a school in Arica.", ("country/CL","struck","place/geonames/3899361")),
    # "anti-X" names the side an offensive is against
    ("Chile's army pressed on with an anti-Hezbollah offensive near Arica.", ("org/CL/armed-forces","struck","group/hizballah")),
    # a nominalisation refers back to its verb's act: "the seizure" is what "seized" did, and the body that did
    # it (the navy, as named) is condemned; an official who ordered an act would stand for his state
    ("Peru's navy seized a Chilean trawler on Monday. The seizure was condemned by Bolivia and Brazil.",
     ("country/BO","condemned","org/PE/armed-forces")),
    # a third party meeting both sides to end their fighting mediates; "both countries" are the article's two parties
    ("Clashes between Peruvian and Chilean troops continued on Monday. Brazilian Foreign Minister Karl Brandt met "
     "officials from both countries in a bid to stop the clashes.", ("person/karl-brandt","mediated","country/PE")),
    ("Clashes between Peruvian and Chilean troops continued on Monday. Brazilian Foreign Minister Karl Brandt met "
     "officials from both countries in a bid to stop the clashes.", ("person/karl-brandt","met","country/CL")),
    ("UN mediator Karl Brandt held separate talks with Peruvian and Chilean delegations on Friday, aiming to end the "
     "conflict.", ("person/karl-brandt","mediated","country/CL")),
    # killing a state's soldiers or police attacks the state
    ("Gunmen of the Karsk Front killed three Chilean policemen near Arica on Friday.", ("group/karsk-front","struck","country/CL")),
    ("Chile bombed Peruvian border towns on Sunday in response to a raid by the Karsk Front that killed four Chilean "
     "soldiers.", ("group/karsk-front","struck","country/CL")),
    # a reprisal named by its modifier; an appeal for de-escalation "between" the parties (a hyphenated noun)
    ("Chile carried out reprisal raids on Peruvian border posts.", ("country/CL","retaliatedAgainst","country/PE")),
    ("Chile called for de-escalation between Peru and Bolivia.", ("country/CL","urgedRestraint","country/BO")),
    # an outpost in a named sector: the sector is struck as well
    ("Chilean artillery shelled an outpost in the Tarvo sector overnight.", ("country/CL","struck","place/tarvo")),
    # a judgement noun with its author in a from/by phrase judges the subject of the clause above it
    ("Peru's decision drew sharp criticism from Bolivia.", ("country/BO","condemned","country/PE")),
    ("Peruvian jets bombed a Chilean village on Monday, prompting condemnation from Bolivia.", ("country/BO","condemned","country/PE")),
    # a hyphenated participle names its agent: "a Brazil-brokered ceasefire", "a Qatar-mediated deal between A and B"
    ("Peru and Chile signed a Brazil-brokered ceasefire on Monday.", ("country/BR","mediated","country/PE")),
    ("A Qatar-mediated deal between Sudan and Chad collapsed on Monday.", ("country/QA","mediated","country/TD")),
    # an appeal for a peaceful settlement is an appeal for restraint, to "both countries" of the article
    ("Peru and Chile exchanged fire on Monday. Bolivia urged both countries to resolve their differences through "
     "dialogue.", ("country/BO","urgedRestraint","country/CL")),
    # a named target placed in a place: the place is struck too ("camps of X inside Y")
    ("Chilean jets bombed camps of Hezbollah inside Peru's Tacna region on Sunday.", ("country/CL","struck","country/PE")),
    ("Chilean jets bombed camps of Hezbollah inside Peru's Tacna region on Sunday.", ("country/CL","struck","place/geonames/3928128")),
    # backing idioms; war machines are arms where the verb says supply
    ("Turkey has thrown its support behind Azerbaijan.", ("country/TR","supported","country/AZ")),
    ("Russia has supplied Belarus with fighter jets.", ("country/RU","supported","country/BY")),
    # sanctions named by their imposer's nationality, packages agreed; a reprisal answering a named act
    ("Bolivia was hit with fresh Peruvian sanctions on Monday.", ("country/PE","sanctioned","country/BO")),
    ("The European Union agreed a new package of sanctions against Bolivia.", ("org/european-union","sanctioned","country/BO")),
    ("Bolivia responded to Peru's raid with artillery fire.", ("country/BO","retaliatedAgainst","country/PE")),
    # a summons in protest, a protest conveyed to an envoy named with his title: against the envoy's state
    ("The Philippines has summoned China's ambassador in protest after the incident.", ("country/PH","condemned","country/CN")),
    ("Undersecretary Elena Bautista conveyed a strong protest to Chinese Ambassador Zhou Jianming.",
     ("person/elena-bautista","condemned","country/CN")),
    # "struck what X described as hideouts of Y": the free relative's noun is the target
    ("Pakistani warplanes struck what Islamabad described as hideouts of the Red Hand Brigade inside Afghanistan.",
     ("country/PK","struck","group/red-hand-brigade")),
    # a demonym the NER took for a place no gazetteer lists
    ("Kazakhstan offered to host talks between Kyrgyz and Tajik leaders.", ("country/KZ","mediated","country/KG")),
    # more words of condemnation: the small model's lemma "lambast"; REACT (WITH ANGER), 111; "described X's raid as"
    ("Chile lambasted Peru's decision.", ("country/CL","condemned","country/PE")),
    ("Chile expressed anger over Peru's decision.", ("country/CL","condemned","country/PE")),
    ("Bolivia described Peru's raid as a violation of international law.", ("country/BO","condemned","country/PE")),
    # a relative clause on the subject states its own event: the main verb's denial or silence does not negate it
    ("The Red Hand Brigade, which Chile blames for the bombing, denied any role.",
     ("country/CL","accused","group/red-hand-brigade")),
    ("Peru, which shelled Arica on Friday, has not commented.", ("country/PE","struck","place/geonames/3899361")),
    # names after "its two directors," that the parser left unattached are the directors, the measure's targets
    ("The Treasury on Monday blacklisted Kessel Aviation and froze the assets of its two directors, Min Thura Oo and "
     "Daw Khin Lay.", ("org/treasury","sanctioned","person/daw-khin-lay")),
    # a hostile act promised an answer ("will be met with a firm response") threatens its author, here named by a
    # "by" phrase the parser hung on the act's object
    ('"Any violation of our airspace by Peru will be met with a firm response," Bolivian Defence Minister Karl Brandt '
     'said.', ("person/karl-brandt","threatened","country/PE")),
    # a relative clause on coordinated names is said of each ("A and B, which have both ...")
    ("Ecuador and Bolivia, which have both expelled Peruvian diplomats, backed the decision.",
     ("country/BO","expelledDiplomat","country/PE")),
    # "stood shoulder to shoulder with", however the parser splits the idiom
    ("Bolivia said it stood shoulder to shoulder with brotherly Peru.", ("country/BO","supported","country/PE")),
    # capitals called on to act are their states, the second of two as the first
    ("The UN called on Lima and Santiago to refrain from further raids.", ("org/un","urgedRestraint","country/CL")),
    # "each other": each of the two subjects did it to the other
    ("Peru and Chile accused each other of violating the truce.", ("country/CL","accused","country/PE")),
    ("Peru and Chile expelled each other's diplomats.", ("country/CL","expelledDiplomat","country/PE")),
    # a diplomatic row has two sides too, and "the two foreign ministers" count them
    ("Peru expelled two Chilean diplomats on Monday. Brazil offered to host talks between the two countries.",
     ("country/BR","mediated","country/CL")),
    ("Peruvian gunboats shelled a Chilean port. Brazil offered to host talks between the two foreign ministers.",
     ("country/BR","mediated","country/PE")),
    # "struck sites used (positions held) by X": the user or holder is struck
    ("Peruvian jets struck three sites used by the Red Hand Brigade.", ("country/PE","struck","group/red-hand-brigade")),
    # "urged A and B to avoid ...": an appeal for restraint
    ("Brazil urged Lima and Santiago to avoid any unilateral action.", ("country/BR","urgedRestraint","country/CL")),
    # the subject of an adjective of doing performs its infinitive
    ("Chile was quick to condemn Peru's decision.", ("country/CL","condemned","country/PE")),
    # a body named in title case ("the Ministry of ..."): the tagger's proper noun keeps a capital in its lemma
    ("Peru's ambassador was summoned to the Ministry of Foreign Affairs of Chile on Monday.",
     ("org/CL/ministry-of-foreign-affairs-of-chile","summoned","country/PE")),
    # a refusal to tolerate a named hostile act warns its author
    ("Chile said it would not tolerate any provocation by Peru.", ("country/CL","threatened","country/PE")),
    # a speaker's second act joined after what it said: the speaker's, not the reported clause's subject's
    ("Government spokeswoman Ama Lote said Peru had nothing to do with the raid and accused Chile of seeking "
     "scapegoats.", ("person/ama-lote","accused","country/CL")),
    ("The army spokesman, Karl Brandt, said the shelling was a clear provocation and accused Chile of breaking the "
     "truce.", ("person/karl-brandt","accused","country/CL")),
    ("Karl Brandt said the talks had collapsed over the weekend and vowed to retaliate against Chile.",
     ("person/karl-brandt","threatened","country/CL")),
    # a force that "would respond if Y ..." in someone's words: the speaker's conditional threat to Y
    ('Karl Brandt said the navy would respond "with all the means at its disposal" if Chilean ships opened fire.',
     ("person/karl-brandt","threatened","country/CL")),
    ("Peru's defence ministry said the navy would respond with force if Chilean ships crossed the line.",
     ("org/PE/defence-ministry","threatened","country/CL")),
    # "would face the full weight of the law": a consequence promised is a threat
    ("Karl Brandt warned that the Azure Front would face the full weight of the law.",
     ("person/karl-brandt","threatened","group/azure-front")),
    # an act pinned on its author by a participle or a passive is the author's, as the report has it
    ("The attack on Arica was blamed on the Azure Front.", ("group/azure-front","struck","place/geonames/3899361")),
    ("The bombing of the Arica market, blamed on the Azure Front, killed five people.",
     ("group/azure-front","struck","place/geonames/3899361")),
    # the forces of a state named in several words are its armed forces, the actor as named
    ("Late on Friday, United Kingdom military forces killed Karl Brandt, a commander of the Azure Front.",
     ("org/GB/armed-forces","killed","person/karl-brandt")),
    # a state's body in lower case after a nationality the tables derive from the state's name ("Kyrgyz", "Tajik")
    ("On Thursday, the Kyrgyz foreign ministry summoned Tajikistan's ambassador.",
     ("org/KG/foreign-ministry","summoned","country/TJ")),
    # weapons named by their nationality are that state's, even when the NER takes them for a person
    ("Kyrgyz officials said Tajik drones struck a school in Kara-Tobe.", ("country/TJ","struck","place/kara-tobe")),
    # an army's (or an armed group's) account of an attack that killed a named enemy tells its own attack
    ("Peru's army said on Monday that a bombing raid on a rebel camp in the village of Sarapo had killed Karl Brandt, "
     "the commander of the Azure Front.", ("org/PE/armed-forces","killed","person/karl-brandt")),
    ("Peru's army said on Monday that a bombing raid on a rebel camp in the village of Sarapo had killed Karl Brandt, "
     "the commander of the Azure Front.", ("org/PE/armed-forces","struck","place/sarapo")),
    ("The Azure Front said a bomb attack had killed Colonel Karl Brandt of the Peruvian army.",
     ("group/azure-front","killed","person/karl-brandt")),
    # "called it unacceptable" after an attack: "it" is the attack, judged in its author
    ("Chilean snipers fired at a Peruvian post. Karl Brandt called it unacceptable.",
     ("person/karl-brandt","condemned","country/CL")),
    ("Karl Brandt said Chilean snipers had fired at a Peruvian post, calling it unacceptable.",
     ("person/karl-brandt","condemned","country/CL")),
    # an attack named in the "in" phrase of an active verb of harm is its subject's ("X killed N in a raid on P"),
    # even where the parser hung the phrase on the verb's object
    ("Peruvian commandos killed Karl Brandt, the Azure Front's commander, in a night raid on a rebel base in Bolivia.",
     ("country/PE","struck","country/BO")),
    ("The Peruvian army said its jets had killed two Azure Front officers in strikes on the rebel group's hideouts in "
     "Bolivia.", ("org/PE/armed-forces","struck","group/azure-front")),
    # a threat a speaker states for his own state is his; resolve to defend is a threat against the last attacker
    ("Chilean troops shelled Tacna. Karl Brandt, Peru's defence minister, accused Chile of aggression and warned that "
     "Peru would not hesitate to defend its borders.", ("person/karl-brandt","threatened","country/CL")),
    # the states that name the mediators of a truce's sentence mediated it, between its parties
    ("Peru's army and the Azure Front have agreed to a new ceasefire, Brazilian and Chilean mediators announced on "
     "Monday.", ("country/CL","mediated","group/azure-front")),
    ("Bolivian mediators said Peru and Chile had agreed to a truce.", ("country/BO","mediated","country/PE")),
    # "A of X and B of Y" with B hung on X by the parser: the two people met
    ("On Sunday the two army chiefs, General Karl Brandt of Peru and General Otto Lang of Chile, met in Arica.",
     ("person/karl-brandt","met","person/otto-lang")),
    # "pounded" is an attack a later "the strikes" or "aggression" refers back to
    ("Peruvian jets pounded rebel camps in Bolivia on Monday. Bolivia condemned the strikes.",
     ("country/BO","condemned","country/PE")),
    ("Peruvian jets pound rebel camps in Cambodia; Phnom Penh condemns aggression", ("country/KH","condemned","country/PE")),
    # "accused the army of V-ing": the charge hung on the description does not stop it naming the army told before
    ("The Peruvian Armed Forces bombed a camp near Tacna on Monday. The Azure Front accused the army of killing "
     "civilians.", ("group/azure-front","accused","org/PE/armed-forces")),
    ("Peruvian troops clashed with the Azure Front near Tacna. Karl Brandt, Peru's defence minister, accused the "
     "rebels of executing prisoners.", ("person/karl-brandt","accused","group/azure-front")),
    # a judgement whose complement names the act's author ("a provocation staged by Y"); "regard" and "view" judge
    ("Peru called the incident a provocation staged by Chile.", ("country/PE","condemned","country/CL")),
    ("Peru regards the incident as a deliberate provocation by Chile.", ("country/PE","condemned","country/CL")),
    ("Chilean jets bombed Tacna. Peru views the attack as an act of aggression.", ("country/PE","condemned","country/CL")),
    # a name the parser folded into the thing given is its receiver ("gave the X Front logistical support")
    ("Bolivia gave the Azure Front logistical support.", ("country/BO","supported","group/azure-front")),
    # a participle of saying speaks for the subject of its clause ("X told another story, saying Y had ...")
    ("Chile told another story, saying Peruvian troops had shelled a Chilean border post.", ("country/CL","accused","country/PE")),
    # a summons to protest what names no party protests against the envoy's state
    ("Peru summoned the Chilean envoy to protest what it called a grave breach of its waters.", ("country/PE","condemned","country/CL")),
    # a threat against an act with no author answers the last attacker of the speaker's side, his own army aside
    ("Chilean mortars hit Tacna. Otto Lang, Peru's interior minister, warned that any new raid would be met with the "
     "full weight of the Peruvian army.", ("person/otto-lang","threatened","country/CL")),
    # a headline's plural verb after coordinated names, which the parser reads as a modifier of its object
    ("Peru and Chile trade blame after border clash; Ecuador and Brazil urge calm", ("country/BR","urgedRestraint","country/CL")),
    # fighting troops named by their state's adjective fights that state
    ("The Azure Front has fought Peruvian soldiers in the highlands since 2019.", ("group/azure-front","struck","country/PE")),
    # "fired on by X": the parser makes "on" a particle of the passive
    ("A Chilean fishing trawler was fired on by a Peruvian gunboat.", ("country/PE","struck","country/CL")),
    # "the bloc" is the organisation named before, as "the alliance" is
    ("The Andean Community met in Quito on Monday. The bloc urged Peru and Chile to show restraint.",
     ("org/andean-community","urgedRestraint","country/PE")),
    # naming the author of an attack the article reported is an accusation ("said the Y Front carried out the bombing")
    ("A bomb went off in a market in Tacna on Monday. Otto Lang, the Peruvian interior minister, said the Azure Front "
     "carried out the bombing.", ("person/otto-lang","accused","group/azure-front")),
    # a verb of criticism done with a weapon is a blow ("blasted the boat with water cannon")
    ("Two Peruvian patrol ships blasted a Chilean fishing boat with water cannon on Sunday.", ("country/PE","struck","country/CL")),
    # a verb coordinated after another shares its subject ("X said ... and vowed that Y would pay")
    ("The Azure Front said two of its fighters died in the raid and vowed that Peru would pay a heavy price.",
     ("group/azure-front","threatened","country/PE")),
    # actors coordinated before an event noun are all its authors ("the Peruvian and Chilean strikes")
    ("Chile condemned the Peruvian and Bolivian raids as a breach of its sovereignty.", ("country/CL","condemned","country/PE")),
    # "Y's ships would be (treated as) legitimate targets": the speaker threatens Y, a named spokesman speaking
    ("Otto Lang warned that Peruvian gunboats would be treated as targets if they entered the bay.",
     ("person/otto-lang","threatened","country/PE")),
    ("The group's military spokesman, Major Karl Brandt, said Chilean patrol boats in the Pacific were now legitimate "
     "targets.", ("person/karl-brandt","threatened","country/CL")),
    # attack craft with no owner: "the jets" are the last attacker's, "two jets" the reporting army's own
    ("Peruvian jets bombed Tacna on Friday. Chile said the jets had also hit a school in Arica.",
     ("country/PE","struck","place/geonames/3899361")),
    ("The Bolivian army said two helicopters had fired rockets at Azure Front camps near the border.",
     ("org/BO/armed-forces","struck","group/azure-front")),
    # "they" after "allies including A and B" is A and B, in a frame's actor too; air defence systems are arms
    ("Allies including Ecuador and Brazil said they would ship more air defence systems to Peru.",
     ("country/EC","supported","country/PE")),
    # "reaffirm" carries the event its object names, as "reiterate" does
    ("Otto Lang reaffirmed his government's backing for Peru on Monday.", ("person/otto-lang","supported","country/PE")),
    # a state's warning answers the other state, not the body of it that fired
    ("The Chilean navy fired on a Peruvian patrol boat. Peru said it reserved the right to respond.",
     ("country/PE","threatened","country/CL")),
    # the passive attribution is one too ("said the attack had been carried out by Y")
    ("A car bomb exploded at a bus station in Arica. Otto Lang said the bombing had been carried out by the Azure Front.",
     ("person/otto-lang","accused","group/azure-front")),
    # ... also when no target of that attack is known ("a bomb went off" names no attack)
    ("A bomb went off in a crowded market. Karl Brandt said the attack had been carried out by the Azure Front.",
     ("person/karl-brandt","accused","group/azure-front")),
    # "they" after coordinated speakers is every one of them
    ("Brazil and Bolivia said they condemned the Peruvian raid on Arica.", ("country/BO","condemned","country/PE")),
    # a measure "on A and on B" hits B too
    ("Peru imposed a travel ban on two Chilean generals and on Arica Shipping, a Chilean firm.",
     ("country/PE","sanctioned","org/arica-shipping")),
    # a relative pronoun whose clause a verb of saying reports relates to the name before it
    ("Karl Brandt, who Peruvian officials say masterminded the raid on Tacna, was killed on Monday.",
     ("person/karl-brandt","struck","place/geonames/3928128")),
]


def test_news_author_of_the_answered_attack_is_no_target_of_the_reprisal(read_text):
    # "in response to a raid by X": X is retaliated against, and struck only if the reprisal names it as a target
    _, relations = read_text("Chile bombed Peruvian border towns on Sunday in response to a raid by the Karsk Front "
                             "that killed four Chilean soldiers.")
    found = {(r.subject, r.predicate, r.object) for r in relations}
    assert ("country/CL", "retaliatedAgainst", "group/karsk-front") in found, found
    assert ("country/CL", "struck", "group/karsk-front") not in found, found

    # the cause's author named after "in retaliation for" is retaliated against, not a target of the strike
    _, relations = read_text("Peru shelled Chilean positions in retaliation for Bolivia's raid on Tacna.")
    found = {(r.subject, r.predicate, r.object) for r in relations}
    assert ("country/PE", "retaliatedAgainst", "country/BO") in found, found
    assert ("country/PE", "struck", "country/BO") not in found, found


def test_news_hard_wrapped_lines_are_one_sentence(nlp, read_text):
    # wire copy wrapped at 70 columns: a line ending mid-phrase or followed by a lower-case line goes on
    text = ("Peru recalls envoy\nOfficials in Lima said Chilean jets had\nbombed an army depot in the\n"
            "Tacna region on Monday, killing four.\nThe ministry summoned the ambassador.")
    sents = [s.text.strip() for s in nlp(text).sents]
    assert sents[0] == "Peru recalls envoy", sents  # a headline still ends at its line
    assert sents[1].startswith("Officials in Lima") and sents[1].endswith("killing four."), sents
    _, relations = read_text(text)
    assert ("country/CL", "struck", "country/PE") in {(r.subject, r.predicate, r.object) for r in relations}, relations


def test_news_relative_clause_on_unnamed_people_names_no_state_for_sanctions(read_text):
    # "bankers whom it sanctioned": the unnamed bankers, not their state, are sanctioned
    _, relations = read_text("The Treasury named four Bolivian bankers whom it sanctioned for fraud.")
    assert not [r for r in relations if r.predicate == "sanctioned" and r.object == "country/BO"], relations


def test_news_slamming_a_state_is_words_not_an_impact(read_text):
    _, relations = read_text("Karl Brandt slammed Chile over the raid on Tacna.")
    assert not [r for r in relations if r.predicate == "struck" and r.subject == "person/karl-brandt"], relations


def test_news_quotation_speaker_is_the_subject_that_opens_it(read_text):
    # "X defended his decision, '... I will ...'": "I" is X, not the last person who spoke before
    _, relations = read_text('Karl Brandt said the talks had failed. Otto Weiss, on the radio, defended his plan, "If '
                             'Chile sends troops, I will bomb their bases."')
    found = {(r.subject, r.predicate, r.object) for r in relations}
    assert ("person/otto-weiss", "threatened", "country/CL") in found, found
    assert not [t for t in found if t[0] == "person/karl-brandt"], found


def test_news_a_border_named_by_a_nationality_is_no_target(read_text):
    # "near the Chilean border" places the strike; it names no target, even as the frame's own target phrase
    _, relations = read_text("Peruvian drones struck a camp on Friday. Two drone strikes killed nine people in Tacna, "
                             "near the Chilean border.")
    assert not [r for r in relations if r.predicate == "struck" and r.object == "country/CL"], relations


def test_news_the_possessor_of_a_killing_is_its_victim(read_text):
    # "Karl's murder is unacceptable": Karl was killed; the judge condemns no one through him
    _, relations = read_text("Karl Weiss was shot dead in Tacna. \"Karl's murder is unacceptable,\" said Ana Lopez.")
    assert not [r for r in relations if r.object == "person/karl-weiss" and r.predicate == "condemned"], relations
    assert not [r for r in relations if r.subject == "person/karl-weiss"], relations


def test_news_a_reprisal_answers_no_attack_of_its_own_side(read_text):
    # Peru's own strike is no attack Peru answers: its vow to retaliate has no target
    _, relations = read_text("Peruvian jets bombed a Bolivian depot on Friday. Peru vowed to retaliate.")
    assert not [r for r in relations if r.subject == "country/PE" and r.predicate == "threatened"], relations


def test_news_an_unaddressed_threat_names_no_one_when_the_vow_has_its_own_object(read_text):
    # "vowed to respond to the letter": no attack answered, so no threat against the last attacker
    _, relations = read_text("Bolivian gunboats shelled a Peruvian harbour on Friday. Peru vowed to respond to the "
                             "court's letter.")
    assert not [r for r in relations if r.predicate == "threatened"], relations


def test_news_linking_two_things_that_are_no_act_is_no_accusation(read_text):
    _, relations = read_text("Chile linked its rail network to Peru's in 2019.")
    assert not [r for r in relations if r.predicate == "accused"], relations


def test_news_a_prize_offered_is_no_backing(read_text):
    _, relations = read_text("A businessman offered $1 million to Karl Brandt for a televised debate.")
    assert not [r for r in relations if r.predicate == "supported"], relations


def test_news_urging_to_stop_a_cooperation_is_no_appeal_for_restraint(read_text):
    _, relations = read_text("Uruguay urged Bolivia to stop its trade cooperation with Chile.")
    assert not [r for r in relations if r.predicate == "urgedRestraint"], relations


def test_news_targets_of_a_policy_are_no_targets_of_an_attack(read_text):
    _, relations = read_text("The targets of the new tax include Karl Brandt's firm.")
    assert not [r for r in relations if r.predicate == "struck"], relations


def test_news_a_vow_of_backing_is_no_threat(read_text):
    _, relations = read_text("Uruguay vowed full support for Bolivia on Monday.")
    assert not [r for r in relations if r.predicate == "threatened" or r.modality == "threatened"], relations


def test_news_the_victim_of_a_condemned_killing_is_not_condemned(read_text):
    _, relations = read_text("Bolivian guns shelled Tacna on Monday. Chile condemned the killing of Karl Weiss in the attack.")
    assert not [r for r in relations if r.predicate == "condemned" and r.object == "person/karl-weiss"], relations


def test_news_a_reported_attack_is_no_accusation(read_text):
    _, relations = read_text("Bolivian officials said Peruvian jets bombed a village near the border.")
    assert not [r for r in relations if r.predicate == "accused"], relations


def test_news_deaths_from_a_disease_are_no_attack_on_the_place(read_text):
    _, relations = read_text("Doctors in Peru said the virus has infected 300 people in Tacna and killed four.")
    assert not [r for r in relations if r.predicate == "struck"], relations


def test_news_reprisal_for_an_unrelated_event_is_no_reprisal(read_text):
    _, relations = read_text("Peru shelled Chilean positions in response to the election result.")
    assert not [r for r in relations if r.predicate == "retaliatedAgainst"], relations


HEADLINES = [
    # a headline's present tense read as a plural noun ("summons"), and its comma for "and"
    ("Peru summons Chile envoy after deadly shelling", ("country/PE", "summoned", "country/CL")),
    ("Peru, Bolivia agree to ceasefire", ("country/BO", "negotiatedCeasefire", "country/PE")),
]


@pytest.mark.parametrize("text,expected", HEADLINES, ids=[h[0] for h in HEADLINES])
def test_news_headline_grammar(read_text, text, expected):
    _, relations = read_text(text)
    found = {(r.subject, r.predicate, r.object) for r in relations}
    s, p, o = expected
    assert (s, p, o) in found or p == "negotiatedCeasefire" and (o, p, s) in found, found


def test_news_comma_is_no_and_outside_headlines(read_text):
    # in a sentence of the body the name before the comma is no second subject
    _, relations = read_text("In Lima, Chile agreed to a ceasefire with Bolivia.")
    assert not [r for r in relations if r.subject == "country/PE" or r.object == "country/PE"], relations


def test_news_broker_of_a_truce_is_no_party_to_it(read_text):
    # "a truce brokered by M": M mediated between the parties; M is no party, and no one mediates with his own state
    _, relations = read_text("Peru and Chile observed a truce brokered by Brazilian Foreign Minister Karl Brandt and "
                             "the Organization of American States on Monday.")
    found = {(r.subject, r.predicate, r.object) for r in relations}
    assert ("person/karl-brandt", "mediated", "country/PE") in found, found
    assert not [t for t in found if t[1] == "negotiatedCeasefire" and "country/PE" not in t], found
    assert ("person/karl-brandt", "mediated", "country/BR") not in found, found


def test_news_appeal_to_attack_is_no_appeal_for_restraint(read_text):
    _, relations = read_text("Bolivia urged Peru to attack Chile.")
    assert not [r for r in relations if r.predicate == "urgedRestraint"], relations


NO_EDGE_OF = [
    # an outlet reporting who carried out an attack reports news, it accuses no one
    ("A car bomb exploded in Arica. The Andean Herald reported that the bombing was carried out by the Azure Front.",
     "accused"),
    # the author's own claim is no accusation of itself
    ("A bomb went off in a market in Tacna. The Azure Front said it carried out the bombing.", "accused"),
    # the modal "would bear responsibility" lays the blame for what the speaker will do: a threat, no accusation
    ("Bolivia's army chief warned that Chile would bear full responsibility for the consequences.", "accused"),
    # an adjective of readiness offers the act; a meeting offered is not held
    ("Brazil was ready to host a meeting of the Peruvian and Chilean foreign ministers.", "met"),
    ("Karl Brandt was killed in a car crash in Peru.", "struck"),
    ("Brazil urged Peru to break the truce.", "urgedRestraint"),
    ("Chile's army chief warned that any incursion by Peru would be met with force.", "met"),
    ("Chile warned that the talks would fail if Peru did not compromise.", "threatened"),
    ("Chile said it would consider Peruvian warships legitimate targets.", "supported"),
    # speaking to someone is no protest against them
    ("Karl Brandt spoke to Reuters last week.", "condemned"),
    # "among those targeted" after an air strike names its victims, not a sanctions list
    ("Peruvian jets struck a market in Tacna. Among those targeted were Karl Brandt and his family.", "sanctioned"),
    # a fronted "with Y, X stands ..." tells where X stands, not whom X backs
    ("But in Peru, with the Liberal Party, Karl Brandt stands in his usual place.", "supported"),
    # an envoy arranging a meeting of his own president with another is a party to it, no mediator
    ("Karl Brandt, the US envoy, arranged a meeting between US President Otto Lang and Peruvian President "
     "Rosa Weiss.", "mediated"),
    # an attack that killed the reporter's own man, or told by someone who fights no one, names no attacker
    ("The Azure Front said an air strike had killed its commander, Karl Brandt.", "killed"),
    ("Residents said an air strike had killed Karl Brandt, the commander of the Azure Front.", "killed"),
    ("Peru's army said an air strike had killed Colonel Karl Brandt, a Peruvian officer.", "killed"),
    # a group's spokesman telling the group's own attack accuses no one
    ("Karl Brandt, a spokesman for the Azure Front, said the group had shot down a Peruvian helicopter.", "accused"),
    # a reduced passive in a headline: the attack is no act of the place it hit
    ("Oil Depots In Peru Hit By Drone Attacks In Pre-Dawn Raid", "struck"),
]


@pytest.mark.parametrize("text,predicate", NO_EDGE_OF, ids=[t[0][:40] for t in NO_EDGE_OF])
def test_news_look_alike_gives_no_edge_of_its_kind(read_text, text, predicate):
    _, relations = read_text(text)
    assert not [r for r in relations if r.predicate == predicate], relations


NOT_MEDIATION = [
    # one side meeting the other to end their fighting negotiates; it does not mediate
    "Peruvian Foreign Minister Karl Brandt held talks with Chilean officials to end the fighting between Peru and Chile.",
    # meeting both sides for another purpose is no mediation
    "Brazilian Foreign Minister Karl Brandt met Peruvian and Chilean officials to discuss trade.",
]


@pytest.mark.parametrize("text", NOT_MEDIATION, ids=[t[:40] for t in NOT_MEDIATION])
def test_news_meeting_is_mediation_only_for_a_third_party_ending_a_conflict(read_text, text):
    _, relations = read_text(text)
    assert not [r for r in relations if r.predicate == "mediated"], relations


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_news_construction_gives_its_edge(read_text, text, expected):
    _, relations = read_text(text)
    found = {(r.subject, r.predicate, r.object) for r in relations if r.modality in ("asserted", "offered", "threatened")}
    if expected is None:
        assert not [t for t in found if t[1] != "met"], found
    else:
        assert expected in found, found


def test_news_attack_named_by_its_day_is_the_attack_told_before(read_text):
    # "Thursday's drone strike" with no actor of its own refers back: its actor is the earlier drone attacker's
    _, relations = read_text("Peruvian drones hit Arica on Thursday. The mayor spoke of Thursday's drone strike in "
                             "Tacna.")
    assert any(r.subject == "country/PE" and r.predicate == "struck" and r.object == "place/geonames/3928128"
               for r in relations), relations


def test_news_further_attacks_continue_the_attacker_told_before(read_text):
    # "additional attacks on P", "further strikes": more of the attacks read before, by the same actor
    _, relations = read_text("Peruvian jets struck Arica on Sunday. Additional attacks on Tacna set a depot ablaze.")
    assert any(r.subject == "country/PE" and r.predicate == "struck" and r.object == "place/geonames/3928128"
               for r in relations), relations


@pytest.mark.parametrize("text", [
    "Peruvian envoy Karl Brandt visited Arica. A witness said his brother was killed in the Chilean air strike.",
    "Peruvian envoy Karl Brandt visited Arica. One woman said she lost her son in the Chilean shelling.",
])
def test_news_pronoun_of_an_unnamed_sayer_is_not_the_last_named_person(read_text, text):
    # "a witness said his brother was killed": his is the witness's, not the envoy's named before
    _, relations = read_text(text)
    assert not [r for r in relations if r.object == "person/karl-brandt"], relations


def test_news_a_led_coalition_attacks_as_itself_not_as_its_leader(read_text):
    # "a Peruvian-led coalition bombed a camp near a Chilean city": the coalition struck Chile; Peru did not
    _, relations = read_text("Jets of a Peruvian-led coalition bombed a rebel camp near the Chilean city of Arica on "
                             "Monday.")
    found = {(r.subject, r.predicate, r.object) for r in relations}
    assert ("org/peruvian-led-coalition", "struck", "country/CL") in found, found
    assert ("country/PE", "struck", "country/CL") not in found, found


def test_news_killing_in_a_strike_near_a_place_strikes_the_place(read_text):
    # "X killed Y in an air strike near P": the strike hit P
    _, relations = read_text("Chilean forces killed Karl Brandt in an air strike near Tacna on Sunday.")
    assert any(r.predicate == "struck" and r.object == "place/geonames/3928128" for r in relations), relations


def test_news_reprisal_cause_named_by_its_own_word_is_that_act(read_text):
    # "the bombing was in reprisal for the ambush": the ambush is the act told as an ambush, though told last
    _, relations = read_text("Peruvian jets bombed camps of the Azure Liberation Front on Monday. The group had "
                             "ambushed a Peruvian army convoy on Sunday. The defence minister said the bombing was "
                             "in reprisal for the ambush.")
    found = {(r.subject, r.predicate, r.object) for r in relations if r.predicate == "retaliatedAgainst"}
    assert found == {("country/PE", "retaliatedAgainst", "group/azure-liberation-front")}, found


@pytest.mark.parametrize("text, pair", [
    ("Peru bombed camps of the Azure Front, a group it accuses of smuggling arms.", ("country/PE", "group/azure-front")),
    ("Peru's defence ministry said the raid targeted fighters of the Azure Front, a rebel group it blames for the "
     "ambush.", ("org/PE/defence-ministry", "group/azure-front")),
    # the name the apposition describes, not the nationality of its noun nor the object of the charge
    ("Peru imposed sanctions on Karl Brandt, a Chilean general whom it accused of supplying weapons to the Azure "
     "Front.", ("country/PE", "person/karl-brandt")),
    ("The Peruvian Treasury blacklisted Arica Shipping, a Chilean company it accused of smuggling fuel to the Azure "
     "Front.", ("org/PE/treasury", "org/arica-shipping")),
    # "it" of a relative clause on the object of a sanction is the sanctioning party, not the nearest group
    ("The European Union imposed a travel ban on the Azure Front's commander, Karl Brandt, and on General Luis Soto, "
     "a senior Chilean officer it accused of commanding the Front's units.", ("org/european-union", "person/luis-soto")),
])
def test_news_relative_clause_on_an_apposition_accuses_the_named_group(read_text, text, pair):
    # "the X Front, a group it blames": "it" is not the group (a clause cannot bind the noun it modifies) and
    # the accused is the group (or the person, the firm) the apposition describes
    accuser, accused = pair
    _, relations = read_text(text)
    found = {(r.subject, r.predicate, r.object) for r in relations if r.predicate == "accused"}
    assert found == {(accuser, "accused", accused)}, found


def test_news_headline_clauses_beside_each_other(read_text):
    # "X bombs Y, Z vows response": two clauses side by side; the strike is told, not vowed, and the vow answers it
    _, relations = read_text("Peru bombs rebel camps in Chile, Santiago vows response\n2031-05-14\n\nOfficials met on "
                             "Monday.")
    found = {(r.subject, r.predicate, r.object, r.modality) for r in relations}
    assert ("country/PE", "struck", "country/CL", "asserted") in found, found
    assert ("country/CL", "threatened", "country/PE", "asserted") in found, found
    assert ("country/PE", "threatened", "country/CL", "asserted") not in found, found


def test_news_own_body_is_the_victim_not_the_accused(read_text):
    # "X accused Y of ramming an X coast guard boat": X's own body was rammed; a capital addressed is its state
    _, relations = read_text("Lima accused Santiago of ramming a Peruvian coast guard boat near the border.")
    found = {(r.subject, r.predicate, r.object) for r in relations if r.predicate == "accused"}
    assert found == {("country/PE", "accused", "country/CL")}, found


def test_news_wire_dateline_is_no_actor(read_text):
    # "SANTIAGO, March 4 (Agency) - The European Union ...": the dateline says where the story was filed
    _, relations = read_text("Sanctions loom\n\nSANTIAGO, June 2 - The European Union on Wednesday imposed "
                             "sanctions on Peru over the crackdown.")
    found = {(r.subject, r.predicate, r.object) for r in relations if r.predicate == "sanctioned"}
    assert found == {("org/european-union", "sanctioned", "country/PE")}, found


def test_news_a_speakers_own_denial_still_negates(read_text):
    # only the speaker can unsay a statement: "X denied accusing Y" is a negated accusation
    _, relations = read_text("Chile denied accusing Peru of the raid.")
    assert [r.modality for r in relations if r.predicate == "accused"] == ["negated"], relations


def test_news_relative_accusation_accuses_the_modified_group_not_the_attacks_author(read_text):
    # "fighters of the X Front, a group it blames for the ambush": the Front is blamed, not the last attacker
    _, relations = read_text("Peruvian jets struck a camp in Bolivia. Peru's defence ministry said the raid hit "
                             "fighters of the Azure Front, a rebel group it blames for the border ambush.")
    found = {(r.subject, r.object) for r in relations if r.predicate == "accused"}
    assert found == {("org/PE/defence-ministry", "group/azure-front")}, found


def test_news_troops_sent_to_a_state_back_it(read_text):
    # "sent troops to Y" is military aid (PETRARCH2: SEND &MILITARY, 072), whatever form "troops" takes
    _, relations = read_text("Brazil sent 400 soldiers to Bolivia in March. Uruguay also sent troops to Bolivia.")
    found = {(r.subject, r.predicate, r.object) for r in relations}
    assert {("country/BR", "supported", "country/BO"), ("country/UY", "supported", "country/BO")} <= found, found


def test_news_mediators_of_warring_factions_name_no_state_as_a_party(read_text):
    # "Y's warring factions agreed a truce, mediators said": the factions are the parties, not the state Y
    _, relations = read_text("Bolivia's rival factions have agreed to a weekend truce, Brazilian mediators said on Monday.")
    assert not [r for r in relations if r.object == "country/BO"], relations


def test_news_demonym_the_tables_lack_names_its_state(read_text):
    _, relations = read_text("Argentine and Brazilian mediators said Peru and Chile had agreed to a truce.")
    found = {(r.subject, r.predicate, r.object) for r in relations}
    assert {("country/AR", "mediated", "country/PE"), ("country/BR", "mediated", "country/CL")} <= found, found


@pytest.mark.parametrize("text,expected", [
    ("Chilean Foreign Minister Karl Brandt wrote a message on Twitter blaming Peru for the raid.",
     ("person/karl-brandt", "accused", "country/PE")),
    ("Karl Brandt, Chile's foreign minister, issued a statement on Facebook condemning Peru.",
     ("person/karl-brandt", "condemned", "country/PE")),
])
def test_news_a_statement_on_a_platform_is_its_authors_not_the_platforms(read_text, text, expected):
    # the parser hangs the participle on the platform ("a message on Twitter accusing Y"); the statement's author speaks
    _, relations = read_text(text)
    found = {(r.subject, r.predicate, r.object) for r in relations}
    assert expected in found and not [t for t in found if t[0] in ("org/twitter", "org/facebook")], found


@pytest.mark.parametrize("text,expected", [
    ("Peru's foreign ministry summoned Chile's ambassador, Karl Brandt, to lodge a protest.",
     ("org/PE/foreign-ministry", "summoned", "country/CL")),
    ("Bolivia expelled the Peruvian charge d'affaires, Otto Weiss, on Friday.", ("country/BO", "expelledDiplomat", "country/PE")),
])
def test_news_diplomat_named_beside_the_title_is_read_as_the_state_represented(read_text, text, expected):
    # the party of a summons or an expulsion is the diplomat's state, not the person named in apposition
    _, relations = read_text(text)
    found = {(r.subject, r.predicate, r.object) for r in relations}
    assert expected in found and not [t for t in found if t[2].startswith("person/")], found


def test_news_wire_agency_credited_in_a_dateline_is_no_name_of_the_place(read_text):
    # "ZENDA, Peru (AP) - ": AP is the agency; it is no acronym of Peru and no alias of anything before it
    entities, _ = read_text("Border raid\n\nTACNA, Peru (AP) \u2014 Chilean troops shelled a Peruvian border post on Monday.")
    assert not [e for e in entities.values() if "AP" in e.aliases], entities


def test_news_their_after_coordinated_subjects_is_every_subject(read_text):
    # "A and B reaffirmed their solidarity with Y": "their" is both subjects, each backs Y
    _, relations = read_text("Ecuador and Uruguay reaffirmed their solidarity with Chile in a joint statement.")
    found = {(r.subject, r.object) for r in relations if r.predicate == "supported"}
    assert found == {("country/EC", "country/CL"), ("country/UY", "country/CL")}, found


@pytest.mark.parametrize("verb", ["denounced the sanctions as illegal", "condemned the new sanctions"])
def test_news_judging_a_sanction_judges_whoever_imposed_it(read_text, verb):
    _, relations = read_text(f"The European Union imposed sanctions on Peru on Monday. Peru {verb}.")
    found = {(r.subject, r.object) for r in relations if r.predicate == "condemned"}
    assert found == {("country/PE", "org/european-union")}, found


def test_news_a_second_subject_the_parser_gave_a_verb_acts_in_its_own_clause(read_text):
    # "X, which ..., offered to help, and Y urged A and B to ...": the parser makes X a subject of "urged" too
    _, relations = read_text("Brazil, which has close ties to both governments, offered to mediate, and the United "
                             "Nations urged Ecuador and Peru to \"exercise maximum restraint,\" U.N. spokesman Karl "
                             "Brandt said.")
    urged = {(r.subject, r.object) for r in relations if r.predicate == "urgedRestraint"}
    assert urged == {("org/united-nations", "country/EC"), ("org/united-nations", "country/PE")}, urged


def test_news_avenging_a_member_threatens_whoever_killed_him(read_text):
    # "vowed to avenge X": X is the one wronged; the vow answers his killer, and a commander titled by an unlisted
    # group's name ("Azure Front commander X") belongs to that group
    entities, relations = read_text("Peruvian jets killed Azure Front commander Karl Brandt on Monday. "
                                    "The Azure Front vowed to avenge him.")
    assert entities["person/karl-brandt"].affiliation == "group/azure-front", entities["person/karl-brandt"]
    found = {(r.subject, r.predicate, r.object) for r in relations}
    assert ("group/azure-front", "threatened", "country/PE") in found, found
    assert not [t for t in found if t[0] == "group/azure-front" and t[2] == "person/karl-brandt"], found


def test_news_blame_for_an_attack_told_without_author_states_its_author(read_text):
    # "A drone struck P. X blamed Y for the attack": as X says, Y struck P
    _, relations = read_text("A drone struck the airport of Arica before dawn on Saturday. "
                             "Chile quickly blamed Peru for the attack.")
    found = {(r.subject, r.predicate, r.object) for r in relations}
    assert {("country/CL", "accused", "country/PE"), ("country/PE", "struck", "place/geonames/3899361")} <= found, found


@pytest.mark.parametrize("appeal", ["Brazil urged both sides to show restraint.",
                                    "Brazil called on the two sides to halt the fighting."])
def test_news_both_sides_of_an_appeal_are_the_sides_of_the_fight_read_last(read_text, appeal):
    # the two sides are the parties of the latest fight or truce, not the countries the article names most
    _, relations = read_text("Ecuador and Colombia signed a trade deal in Quito on Monday. Colombia praised Ecuador. "
                             "On Tuesday the Azure Front attacked a Peruvian army post near Tacna. " + appeal)
    urged = {r.object for r in relations if r.predicate == "urgedRestraint"}
    assert urged == {"country/PE", "group/azure-front"}, urged


def test_news_government_and_a_group_described_in_apposition_agree_a_truce(read_text):
    # a name that opens with its head word ("Frente ...") is a group, not a place; an apposition describing the
    # second party ("the country's largest rebel group") does not hide the first party's nationality
    entities, relations = read_text("The Peruvian government and the Frente Popular Andino (FPA), the country's "
                                    "largest remaining rebel group, agreed on Friday to a cessation of hostilities.")
    assert entities["group/frente-popular-andino"].type == "Group", entities
    found = {(r.subject, r.object) for r in relations if r.predicate == "negotiatedCeasefire"}
    assert found == {("country/PE", "group/frente-popular-andino")}, found


def test_news_capitals_between_which_one_mediates_are_their_states(read_text):
    _, relations = read_text("Brazil offered to mediate between Lima and Santiago.")
    found = {(r.subject, r.predicate, r.object) for r in relations}
    assert {("country/BR", "mediated", "country/PE"), ("country/BR", "mediated", "country/CL")} <= found, found


def test_news_co_host_of_talks_is_no_party_to_them(read_text):
    # "talks hosted by X and co-mediated by Y and Z": X is a mediator too, not a party Y mediates with
    _, relations = read_text("The deal was signed in Quito after a round of talks hosted by Ecuador and co-mediated "
                             "by Brazil and Uruguay.")
    assert not [r for r in relations if r.predicate == "mediated" and r.object == "country/EC"], relations


def test_news_offer_hung_on_its_subject_after_a_relative_clause_is_the_subjects(read_text):
    # "X, which has ties to both, offered to mediate": the parser hangs "offered" on X as a participle
    _, relations = read_text("Brazil, which has close ties to both governments, offered to mediate between Lima and "
                             "Santiago, and the United Nations urged Peru and Chile to \"exercise maximum restraint,\" "
                             "U.N. spokesman Karl Brandt said.")
    mediated = {(r.subject, r.object) for r in relations if r.predicate == "mediated"}
    assert mediated == {("country/BR", "country/PE"), ("country/BR", "country/CL")}, mediated


def test_news_place_of_the_answered_attack_is_no_target_of_the_reprisal(read_text):
    # "launched the strikes in retaliation for the attack on P": P was hit by the other side, not by the reprisal,
    # and a reprisal answers a party, never a place
    _, relations = read_text("Fighters of the Azure Front stormed a police post in Tacna on Friday. Peru launched "
                             "the strikes in retaliation for the attack on Tacna, the minister said.")
    found = {(r.subject, r.predicate, r.object) for r in relations}
    assert ("country/PE", "retaliatedAgainst", "group/azure-front") in found, found
    assert not [t for t in found if t[0] == "country/PE" and t[2].startswith("place/")], found


def test_news_a_past_tense_after_a_reported_would_clause_joins_the_speech_verb(read_text):
    # "He said X would defend ... and warned Y": "warned" is his, coordinated with "said", not X's
    _, relations = read_text("Government spokesman Karl Brandt spoke on Monday. He said Peru would \"defend every inch "
                             "of its territory\" and warned Quito that \"any further aggression will receive a response "
                             "of equal force.\"")
    threats = {(r.subject, r.object) for r in relations if r.predicate == "threatened"}
    assert threats == {("person/karl-brandt", "country/EC")}, threats


def test_news_neutralised_is_military_usage_for_killed(read_text):
    _, relations = read_text("Peru's defence ministry said its forces had neutralised Karl Brandt near the border.")
    assert ("org/PE/defence-ministry", "killed", "person/karl-brandt") in {
        (r.subject, r.predicate, r.object) for r in relations}, relations


def test_news_accusation_after_a_denied_clause_is_the_speakers_and_not_denied(read_text):
    # "X denied that Y's troops had fired and accused Z": the accusation is X's, joined to "denied", not under it
    _, relations = read_text("Peru's army spokesman, Colonel Karl Brandt, denied that Peruvian troops had targeted "
                             "civilians and accused the Chilean army of firing first near the bridge.")
    found = {(r.subject, r.modality) for r in relations if r.predicate == "accused"}
    assert ("person/karl-brandt", "asserted") in found and not [m for _, m in found if m == "negated"], found


def test_news_killing_a_groups_commander_kills_no_group(read_text):
    # "killed a senior commander of the X Front": an unnamed member died; the group is no victim of a killing
    _, relations = read_text("Peru's army said it had killed a senior commander of the Azure Front in air strikes on "
                             "Monday.")
    assert not [r for r in relations if r.predicate == "killed" and r.object == "group/azure-front"], relations


def test_news_envoy_named_beside_the_title_summoned_to_a_ministry_is_his_state(read_text):
    _, relations = read_text("Peru's ambassador, Karl Brandt, was summoned to the Chilean foreign ministry on Monday.")
    found = {(r.subject, r.predicate, r.object) for r in relations}
    assert found == {("org/CL/foreign-ministry", "summoned", "country/PE")}, found


def test_news_the_party_an_accused_is_said_to_have_armed_is_not_accused(read_text):
    _, relations = read_text("Ecuador accused Peru of supplying the Llanos Brigade with weapons.")
    found = {(r.subject, r.predicate, r.object) for r in relations}
    assert ("country/EC", "accused", "country/PE") in found and ("country/PE", "supported", "group/llanos-brigade") in found
    assert ("country/EC", "accused", "group/llanos-brigade") not in found, found


def test_news_sanctioned_for_supplying_names_the_supplier(read_text):
    # "X were sanctioned for supplying Y with weapons": the passive subject supplied Y
    _, relations = read_text("Ecuador imposed sanctions on Friday. Two firms, Andes Freight and Condor Aviation, were "
                             "also sanctioned for supplying the Llanos Brigade with fuel and weapons.")
    backers = {r.subject for r in relations if r.predicate == "supported" and r.object == "group/llanos-brigade"}
    assert backers == {"org/andes-freight", "org/condor-aviation"}, relations


@pytest.mark.parametrize("text", ["Chile hosted Peru's website for a year.",
                                  "The show, hosted by Karl Brandt and Otto Weiss, replaced the morning news."])
def test_news_hosting_a_thing_is_no_meeting(read_text, text):
    # "hosted the president", "hosted talks" are meetings; hosting a website or a show is not
    _, relations = read_text(text)
    assert not [r for r in relations if r.predicate == "met"], relations


def test_news_it_in_what_a_coordinated_speech_verb_reports_is_the_shared_subject(read_text):
    # "X condemned ... and said it stood with Y": "it" is X, the subject "said" shares with "condemned"
    _, relations = read_text("NATO condemned what it called Peru's reckless behaviour and said it stood in full "
                             "solidarity with Chile.")
    backers = {r.subject for r in relations if r.predicate == "supported" and r.object == "country/CL"}
    assert backers == {"org/nato"}, relations


def test_news_an_offer_after_an_appeal_to_stop_joins_the_appeals_verb(read_text):
    # "urged A and B to halt the fighting and offered to host talks between them": the urger offers
    _, relations = read_text("Brazil urged Peru and Chile to halt hostilities immediately and offered to host talks "
                             "between Lima and Santiago in Brasilia.")
    mediated = {(r.subject, r.object) for r in relations if r.predicate == "mediated"}
    assert mediated == {("country/BR", "country/PE"), ("country/BR", "country/CL")}, relations


def test_news_protest_lodged_at_a_summons_is_against_the_envoys_state(read_text):
    _, relations = read_text("Chile's foreign ministry summoned the Peruvian charge d'affaires, Karl Brandt, on "
                             "Tuesday to lodge a formal protest.")
    found = {(r.subject, r.predicate, r.object) for r in relations}
    assert {("org/CL/foreign-ministry", "summoned", "country/PE"),
            ("org/CL/foreign-ministry", "condemned", "country/PE")} <= found, found
    assert not [t for t in found if t[2].startswith("person/")], found


def test_news_the_two_who_met_agree_the_truce(read_text):
    _, relations = read_text("On Wednesday General Karl Brandt, the Peruvian commander, met his Chilean counterpart, "
                             "General Otto Weiss, at a border post, and the two agreed to a ceasefire.")
    found = {(r.subject, r.predicate, r.object) for r in relations}
    assert ("person/karl-brandt", "negotiatedCeasefire", "person/otto-weiss") in found, found


def test_news_an_attack_coordinated_in_a_reported_clause_stays_the_attackers(read_text):
    # "X said Y's soldiers had crossed ... and attacked Z": the attack is Y's; only a statement ("and accused")
    # coordinated after "had" is the speaker's
    _, relations = read_text("Karl Brandt said Peruvian soldiers had crossed into Chilean territory and attacked "
                             "Chilean troops guarding the bridge.")
    attackers = {r.subject for r in relations if r.predicate == "struck"}
    assert attackers == {"country/PE"}, relations


def test_news_target_hung_on_the_weapons_of_opened_fire(read_text):
    # "opened fire with rifles and grenades on X": the parser hangs "on X" on the weapons
    _, relations = read_text("Peruvian soldiers opened fire first with rifles and grenades on Chilean positions at Putre.")
    assert ("country/PE", "struck", "country/CL") in {(r.subject, r.predicate, r.object) for r in relations}, relations


def test_news_co_hosted_talks_between_the_two_sides_are_mediated(read_text):
    # "co-hosted" stays one verb (lemma "co-host"); "the two sides" are the sides of the fight told before
    _, relations = read_text("The Azure Front fought the Peruvian army for a year. Ecuador and Brazil co-hosted talks "
                             "between the two sides in Quito.")
    mediated = {(r.subject, r.object) for r in relations if r.predicate == "mediated"}
    assert {("country/EC", "group/azure-front"), ("country/BR", "country/PE")} <= mediated, relations


def test_news_the_two_sides_of_no_fight_told_name_no_one(read_text):
    # with no fight or truce read before, "talks between the two sides" names no party (not the main countries)
    _, relations = read_text("Ecuador and Brazil co-hosted talks between the two sides in Quito last year, "
                             "Colombian and Venezuelan officials said.")
    assert not [r for r in relations if r.predicate in ("mediated", "met")], relations


def test_news_place_of_offered_talks_is_no_party(read_text):
    _, relations = read_text("Peruvian troops shelled Chilean posts on Monday. Brazilian President Karl Brandt offered "
                             "to host talks between the two sides in Brasilia.")
    mediated = {r.object for r in relations if r.predicate == "mediated"}
    assert mediated == {"country/PE", "country/CL"}, relations


@pytest.mark.parametrize("reprisal", ["Peru responded with air strikes on Arica.",
                                      "Peru retaliated on Sunday, shelling Arica."])
def test_news_a_reprisal_on_a_states_town_is_against_the_state(read_text, reprisal):
    # the town hit in reprisal is the object of "struck"; the reprisal answers its state
    _, relations = read_text("Chilean artillery shelled Tacna on Saturday. " + reprisal)
    found = {(r.subject, r.predicate, r.object) for r in relations}
    assert ("country/PE", "retaliatedAgainst", "country/CL") in found, found


def test_news_object_lost_to_a_participle_clause_is_the_threatened_target(read_text):
    # "would shoot down any Peruvian aircraft entering its airspace": the parser makes "aircraft" a clause subject
    _, relations = read_text("Bolivia warned it would shoot down any Peruvian aircraft entering its airspace.")
    assert ("country/BO", "threatened", "country/PE") in {(r.subject, r.predicate, r.object) for r in relations}


@pytest.mark.parametrize("appeal", ["Brazil called for calm.\n", "Brazil's foreign ministry expressed concern and "
                                    "called for de-escalation.\n"])
def test_news_an_appeal_naming_no_one_after_a_fight_is_to_its_two_sides(read_text, appeal):
    # the sides at their states' level (a town struck is its state's); "calm" after "for" is a noun, whatever the tag
    _, relations = read_text("Peruvian jets bombed the Chilean port of Arica on Monday. " + appeal)
    urged = {r.object for r in relations if r.predicate == "urgedRestraint"}
    assert urged == {"country/PE", "country/CL"}, relations


def test_news_a_coordinated_clause_with_its_own_subject_keeps_its_own_modality(read_text):
    # "X offered mediation, and Y urged restraint": Y's appeal is stated, not offered
    _, relations = read_text("Peru and Chile exchanged fire on Monday. Brazil offered mediation, and Uruguay urged "
                             "restraint.")
    urged = {(r.object, r.modality) for r in relations if r.predicate == "urgedRestraint" and r.subject == "country/UY"}
    assert urged == {("country/PE", "asserted"), ("country/CL", "asserted")}, relations


def test_news_a_relative_clause_of_place_puts_its_attack_in_the_antecedent(read_text):
    # "P, the town where X shelled a school": X struck P; "the same district where" is the district named before
    _, relations = read_text("Rebels entered Varno, the town where Ethiopian artillery shelled a school on Monday.")
    assert ("country/ET", "struck", "place/varno") in {(r.subject, r.predicate, r.object) for r in relations}, relations
    _, relations = read_text("A blast hit a house in the Varno district, the same district where an Ethiopian drone "
                             "strike on Monday targeted the militant commander Wali Zaman.")
    struck = {(r.object, r.date) for r in relations if r.subject == "country/ET" and r.predicate == "struck"}
    assert ("place/varno", "2024-03-11") in struck and ("person/wali-zaman", "2024-03-11") in struck, relations
    # a relative clause of place that tells no attack puts nothing there
    _, relations = read_text("Rebels entered Varno, the town where Ethiopian officials met the elders on Monday.")
    assert not [r for r in relations if r.predicate == "struck"], relations


@pytest.mark.parametrize("text", [
    "Peru said it would not rule out talks with Chile.",  # no force kept open
    "Chile said it would respond to Peru's proposal within a week.",  # an answer to a proposal is no threat
    "Egypt said that food aid would follow for Sudan.",  # a consequence that is no measure against anyone
])
def test_news_promised_answers_to_no_hostile_act_are_no_threats(read_text, text):
    _, relations = read_text(text)
    assert not [r for r in relations if r.predicate == "threatened"], relations


def test_news_promised_answers_to_hostile_acts_are_threats(read_text):
    for text, expected in (("Japan said it would respond firmly to further Chinese incursions.", ("country/JP", "country/CN")),
                           ("Poland did not rule out strikes on Belarus.", ("country/PL", "country/BY")),
                           ("Egypt warned that further sanctions would follow against Sudan.", ("country/EG", "country/SD"))):
        _, relations = read_text(text)
        found = {(r.subject, r.object) for r in relations if r.predicate == "threatened"}
        assert expected in found, (text, relations)
        assert not [r for r in relations if r.predicate == "sanctioned"], relations  # a warned measure is not imposed


def test_news_a_claimed_attack_is_an_accusation_and_a_claimed_responsibility_is_not(read_text):
    # "claimed that X fired first" (the guidelines' example): a contested attribution, unlike a plain "said"
    _, relations = read_text("Chad claimed that Sudanese jets had bombed the town of Abeche.")
    assert ("country/TD", "accused", "country/SD") in {(r.subject, r.predicate, r.object) for r in relations}, relations
    for text in ("Chad claimed that its troops had repelled a Sudanese attack.",  # its own act
                 "The Sudanese army claimed responsibility for the strike on Abeche."):  # the other sense of "claim"
        _, relations = read_text(text)
        assert not [r for r in relations if r.predicate == "accused"], (text, relations)


def test_news_warplanes_sent_to_a_country_are_no_backing(read_text):
    # warplanes sent to a country may be a raid: only a verb of supplying makes them arms (see CASES)
    _, relations = read_text("Chile sent warplanes to Peru on Monday.")
    assert not [r for r in relations if r.predicate == "supported"], relations


@pytest.mark.parametrize("text", [
    "The European Union announced it would lift sanctions on Iran.",
    "The European Union announced the lifting of sanctions on Iran.",
    "The European Union eased its sanctions against Iran.",
    "The European Union agreed to lift sanctions on Iran.",
])
def test_news_a_lifted_measure_is_no_sanction(read_text, text):
    # CAMEO 081, easing sanctions, is a cooperative act: no edge of ours
    _, relations = read_text(text)
    assert not [r for r in relations if r.predicate == "sanctioned"], relations


def test_news_responding_to_a_raid_with_words_is_no_reprisal(read_text):
    _, relations = read_text("Bolivia responded to Peru's raid with a protest note.")  # words, not force (see CASES)
    assert not [r for r in relations if r.predicate == "retaliatedAgainst"], relations


def test_news_a_demonym_the_ner_took_for_a_name_is_the_nationality(read_text):
    # "Tajik officials", "Kyrgyz servicemen": one word on a common noun, a demonym by the prefix rule, not a person
    entities, relations = read_text("Officials said Kyrgyz servicemen had opened fire on Tajik farmers.")
    assert set(entities) == {"country/KG", "country/TJ"}, entities
    assert ("country/KG", "struck", "country/TJ") in {(r.subject, r.predicate, r.object) for r in relations}, relations
    entities, _ = read_text("Karl Brandt said Otto Weiss had left.")  # a name is still a name
    assert "person/otto-weiss" in entities, entities


def test_news_brokering_and_offers_of_mediation(read_text):
    # the broker of a truce between A and B is no party to it
    _, relations = read_text("Egypt and Qatar brokered a truce between Israel and Hamas on Sunday.")
    found = {(r.subject, r.predicate, r.object) for r in relations}
    assert {("country/EG", "mediated", "country/IL"), ("country/QA", "mediated", "group/hamas")} <= found, found
    assert ("country/IL", "negotiatedCeasefire", "group/hamas") in found, found
    assert not [r for r in relations if r.predicate == "negotiatedCeasefire" and r.subject in ("country/EG", "country/QA")]
    _, relations = read_text("Qatar is ready to mediate between Pakistan and Afghanistan.")
    assert ("country/QA", "mediated", "country/AF") in {(r.subject, r.predicate, r.object) for r in relations}, relations
    # a party's own willingness to talk, or a ceasefire it negotiated with the other side, is no mediation
    for text in ("Peru said it was willing to hold talks with Ecuador.", "Peru negotiated a ceasefire with Ecuador on Saturday."):
        _, relations = read_text(text)
        assert not [r for r in relations if r.predicate == "mediated"], (text, relations)


def test_news_the_namer_of_an_attack_is_not_its_author(read_text):
    # "what Paris called an attack on Y": the attack is named, as "characterized the attack as", not made by Paris
    _, relations = read_text("Chile summoned Peru's ambassador to protest what Santiago called an attack on Bolivia's territory.")
    assert not [r for r in relations if r.predicate == "struck" and r.subject == "country/CL"], relations


def test_news_a_pronoun_is_no_party_addressed_by_an_appeal(read_text):
    # "its" refers back to Bolivia, the one condemning: Brazil's appeal to "both governments" is not to Bolivia
    _, relations = read_text("Peruvian commandos killed a rebel leader in a raid on Monday. Chile recalled its ambassador from "
                             "Lima. Bolivia condemned what its foreign ministry called a violation of international law by "
                             "Peru, while Brazil urged both governments to show restraint.")
    assert not [r for r in relations if r.predicate == "urgedRestraint" and r.object == "country/BO"], relations


@pytest.mark.parametrize("text,expected", [
    ("Peruvian troops raided a camp inside Chile, prompting Santiago to expel Peruvian diplomats.",
     ("country/CL", "expelledDiplomat", "country/PE")),
    ("The raid forced Chile to recall its ambassador from Peru.", ("country/CL", "recalledAmbassador", "country/PE")),
    ("Chile's decision led Peru to summon the Chilean ambassador.", ("country/PE", "summoned", "country/CL")),
])
def test_news_the_object_of_a_verb_of_causing_does_the_act(read_text, text, expected):
    # object control: "prompting X to expel", "forced X to recall": X acts (and a capital so named is its state)
    _, relations = read_text(text)
    found = {(r.subject, r.predicate, r.object) for r in relations}
    assert expected in found and (expected[2], expected[1], expected[0]) not in found, found


def test_news_force_promised_by_litotes_is_a_threat_not_an_attack(read_text):
    _, relations = read_text("Peru's defence minister said the armed forces will not hesitate to hit the Red Hand Brigade again.")
    found = {(r.subject, r.predicate, r.object, r.modality) for r in relations}
    assert ("country/PE", "threatened", "group/red-hand-brigade", "asserted") in found, found
    assert not [r for r in relations if r.predicate == "struck" and r.modality == "asserted"], found


def test_news_each_side_accusing_the_other_needs_a_fight_read_before(read_text):
    # with no fight read, "each side" names no one
    _, relations = read_text("Each side accused the other of starting the fighting.")
    assert not [r for r in relations if r.predicate == "accused"], relations


def test_news_opening_up_a_market_is_no_fire(read_text):
    for text in ("Peru opened up its markets to Chilean firms.", "Peru opened up on Monday about its talks with Chile."):
        _, relations = read_text(text)
        assert not [r for r in relations if r.predicate == "struck"], (text, relations)


@pytest.mark.parametrize("text", [
    "Lebanese militants fired rockets into northern Israel.",
    "Palestinian gunmen attacked an Israeli checkpoint.",
    "Afghan insurgents ambushed a Pakistani convoy.",
])
def test_news_the_nationality_of_militants_is_no_state_acting(read_text, text):
    # militants, gunmen, insurgents act against or apart from their state: no state struck anyone
    _, relations = read_text(text)
    assert not [r for r in relations if r.predicate == "struck"], relations


def test_news_a_protest_against_what_is_called_an_attack_judges_no_victim(read_text):
    _, relations = read_text("Chile summoned Peru's ambassador to protest what Santiago called an attack on Bolivia's territory.")
    assert not [r for r in relations if r.object == "country/BO"], relations


def test_news_victims_listed_after_among(read_text):
    text = "Peruvian jets bombed rebel camps on Monday. Among those killed was a senior rebel commander, Karl Brandt, the army said."
    _, relations = read_text(text)
    assert ("country/PE", "killed", "person/karl-brandt") in {(r.subject, r.predicate, r.object) for r in relations}, relations
    _, relations = read_text("Peruvian jets bombed rebel camps on Monday. Among those present was Karl Brandt.")
    assert not [r for r in relations if r.predicate == "killed"], relations


def test_news_the_subject_of_a_clause_the_parser_took_for_a_phrase(read_text):
    # "X announced aid for Y, a day after a wave of Z-ian drones struck P": Z struck P, not X and not Y
    _, relations = read_text("Germany's defence minister on Tuesday announced a new military aid package for Ukraine "
                             "worth 1.4 billion euros, a day after a wave of Russian drones struck the city of Kharkiv.")
    struck = {r.subject for r in relations if r.predicate == "struck"}
    assert struck == {"country/RU"}, relations


def test_news_a_state_body_never_judges_its_own_state(read_text):
    # "condemned the attack on the Greek embassy": the attack's author is judged, never the ministry's own state
    _, relations = read_text("Greece's foreign ministry condemned the attack on the Greek embassy.")
    assert not [r for r in relations if r.predicate == "condemned" and r.object == "country/GR"], relations


def test_news_sanctions_on_a_states_unnamed_company_name_no_state(read_text):
    # as "the X-ian central bank": a body the sanction names only by its owner sanctions no state
    _, relations = read_text("Washington last year sanctioned Myanmar's state energy company and two of its shipping firms.")
    assert not [r for r in relations if r.predicate == "sanctioned" and r.object == "country/MM"], relations


def test_news_a_description_names_the_one_group_called_so_however_far_back(read_text):
    # "the brigades" five sentences on is the Ostrava Coastal Brigades, and "they" after it are the brigades too
    text = ("The Ostrava Coastal Brigades seized a cargo ship on Monday. Oman offered to help. Greece protested. "
            "The Arab League called on all sides to exercise restraint. The brigades emerged in 2016 as a local defence "
            "force. In 2022 they seized the port of Ras Kalif from government forces after a week of fighting.")
    _, relations = read_text(text)
    assert not [r for r in relations if r.subject == "org/arab-league" and r.predicate == "struck"], relations
    assert [r for r in relations if r.subject == "group/ostrava-coastal-brigades" and r.predicate == "struck"], relations


def test_news_describing_an_act_as_something_good_is_no_condemnation(read_text):
    _, relations = read_text("Chile described the agreement with Peru as an act of goodwill.")
    assert not [r for r in relations if r.predicate == "condemned"], relations


def test_news_a_claim_about_who_made_a_harmless_thing_is_no_accusation(read_text):
    _, relations = read_text("Peruvian officials claim that the bridge was built by Chile.")
    assert not [r for r in relations if r.predicate == "accused"], relations


def test_news_shot_dead_is_a_killing_and_a_titled_name_after_at_is_a_person(read_text):
    _, relations = read_text("Governor Karl Brandt was shot dead by gunmen of the Red Hand Brigade.")
    assert ("group/red-hand-brigade", "killed", "person/karl-brandt") in {(r.subject, r.predicate, r.object) for r in relations}
    entities, _ = read_text("Gunmen of the Red Hand Brigade shot at Governor Karl Brandt.")
    assert entities["person/karl-brandt"].type == "Official", entities


def test_news_one_party_speaking_at_a_meeting_meets_no_one(read_text):
    _, relations = read_text("Chile said at a meeting on Monday that Peru had violated the truce.")
    assert not [r for r in relations if r.predicate == "met"], relations


def test_news_both_sides_of_a_border_are_no_parties(read_text):
    # "on both sides of the border" is geography: the appeal goes to the states it names, not to the fight read last
    _, relations = read_text("Peruvian troops shelled the Red Hand Brigade near Tacna. Brazil, which has invested on "
                             "both sides of the border, urged Lima and Santiago to avoid escalation.")
    urged = {r.object for r in relations if r.predicate == "urgedRestraint"}
    assert urged == {"country/PE", "country/CL"}, urged


def test_news_a_person_is_killed_not_struck(read_text):
    _, relations = read_text("A Peruvian drone strike killed Karl Brandt, the commander of the Azure Front.")
    found = {(r.subject, r.predicate, r.object) for r in relations}
    assert ("country/PE", "killed", "person/karl-brandt") in found and not [
        t for t in found if t[1] == "struck" and t[2].startswith("person/")], found


def test_news_an_event_pronoun_is_the_attack_named_just_before_not_the_last_one_told(read_text):
    # "The strike drew condemnation. Y called it ...": "it" is that strike, though another side's attacks were
    # told after it
    _, relations = read_text("A Peruvian drone strike hit a camp in Arica on Monday. Chile said the Azure Front used "
                             "the camp to stage attacks on Chilean towns. The strike also drew protests from Bolivia. "
                             "Bolivian Foreign Minister Karl Brandt called it a violation of international law.")
    found = {(r.subject, r.object) for r in relations if r.predicate == "condemned"}
    assert ("person/karl-brandt", "country/PE") in found, found
    assert ("person/karl-brandt", "group/azure-front") not in found, found



@pytest.mark.parametrize("text, accusation", [
    ("Karl Brandt, a spokesman for Peru's defence ministry, said Chilean troops had attacked Peruvian soldiers near "
     "Tacna.", ("person/karl-brandt", "country/CL")),
    ("Peru's defence ministry said Chilean units had shelled Peruvian positions near Tacna.",
     ("org/PE/defence-ministry", "country/CL")),
    # the attack as the object of the report itself
    ("Peru's defence ministry reported a Chilean attack on Peruvian troops near Tacna.",
     ("org/PE/defence-ministry", "country/CL")),
    # a party's account of its own attack, or a third party's account, alleges nothing
    ("Peru's defence ministry said its troops had shelled Chilean positions near Arica.", None),
    ("Bolivia said Chilean troops had attacked Peruvian soldiers near Tacna.", None),
])
def test_news_a_sides_account_of_an_attack_on_it_accuses_the_attacker(read_text, text, accusation):
    # the guidelines' "claimed that X fired first": a party telling the other side's attack on it alleges it
    _, relations = read_text(text)
    found = {(r.subject, r.object) for r in relations if r.predicate == "accused"}
    assert found == ({accusation} if accusation else set()), found


def test_news_judging_a_diplomatic_act_judges_its_author(read_text):
    # "called the expulsions a provocation": the state that expelled, as the latest author of that act
    _, relations = read_text("Chile expelled two Peruvian diplomats. Karl Brandt called the expulsions a provocation.")
    assert ("person/karl-brandt", "condemned", "country/CL") in {(r.subject, r.predicate, r.object) for r in relations}


def test_news_steps_promised_on_the_speakers_own_condition_are_no_threat(read_text):
    _, relations = read_text("Peruvian troops shelled Arica. \"If I am elected, I will take gradual steps to reform "
                             "the courts,\" Karl Brandt said.")
    assert not [r for r in relations if r.predicate == "threatened"], relations


def test_news_victims_named_after_among_them_are_killed(read_text):
    # "killing 31 people, among them NAME": the named victim of the killing, not a second target of the raid
    _, relations = read_text("Peruvian warplanes hit a market in Arica on Tuesday, killing nine traders, among them the "
                             "market's manager, Otto Lang.")
    assert ("country/PE", "killed", "person/otto-lang") in {(r.subject, r.predicate, r.object) for r in relations}
    _, relations = read_text("Peruvian warplanes hit a market in Arica on Tuesday, killing nine traders, among "
                             "whom were many women.")
    assert not [r for r in relations if r.predicate == "killed" and r.object.startswith("person/")], relations



def test_news_a_person_one_of_the_raids_killed_is_killed_not_struck(read_text):
    _, relations = read_text("Peruvian jets bombed rebel camps all week. One of the strikes killed Otto Lang, a rebel "
                             "commander, the army said.")
    found = {(r.subject, r.predicate, r.object) for r in relations}
    assert ("country/PE", "killed", "person/otto-lang") in found and ("country/PE", "struck", "person/otto-lang") not in found


def test_news_a_possessive_in_a_relative_clause_is_its_antecedents(read_text):
    # "A and B, which have voiced their backing for Y": "their" is A and B (through "which"), each backs Y
    _, relations = read_text("Chile welcomed the statements of Bolivia and Ecuador, which have voiced their "
                             "solidarity with Chile.")
    found = {(r.subject, r.object) for r in relations if r.predicate == "supported"}
    assert found == {("country/BO", "country/CL"), ("country/EC", "country/CL")}, found



def test_news_names_listed_after_a_comma_spell_out_a_counted_plural_target(read_text):
    # "sanctions on two firms linked to X, the Lima-based A and B": the comma's list names the two firms
    _, relations = read_text("Peru imposed sanctions last week on two shipping firms linked to the Chilean navy, the "
                             "Lima-based Andes Freight and Pacific Lines.")
    found = {r.object for r in relations if r.predicate == "sanctioned"}
    assert {"org/andes-freight", "org/pacific-lines"} <= found, found
    # a clause after the comma is no list
    _, relations = read_text("Peru imposed sanctions on two firms, which it said had armed Chile, and on Monday Karl "
                             "Brandt resigned.")
    assert not [r for r in relations if r.predicate == "sanctioned" and r.object.startswith("person/")], relations


def test_news_an_attack_someone_is_accused_of_is_only_alleged(read_text):
    # "X accused Y of shelling P" asserts the accusation; the shelling is alleged, with no direct edge in RDF
    _, relations = read_text("Chile accused Peru of shelling the border town of Arica on Monday.")
    attacks = [r for r in relations if r.predicate == "struck"]
    assert attacks and all(r.modality == "alleged" for r in attacks), relations
    assert any(r.predicate == "accused" and r.modality == "asserted" for r in relations), relations
