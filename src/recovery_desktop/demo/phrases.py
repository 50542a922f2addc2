# SPDX-License-Identifier: GPL-3.0-or-later
"""Believable, varied journal text for the generated demo vault.

Everything here is plain standard-library Python. The phrase bank is parsed once at import;
each call only picks templates with the ``random.Random`` it is given and fills their
``{slot}`` fields with ``str.format_map``, so output is deterministic for a given rng state and
cheap enough to compose tens of thousands of entries in a second or two.

Template blocks are written one template per line; a line indented deeper than the block's
first line continues the previous template (this keeps the source within the line-length
limit).
"""

from __future__ import annotations

import random
from collections.abc import Sequence

__all__ = [
    "COMMUNITY_NAMES",
    "COPING_TAGS",
    "ENTRY_TAGS",
    "FIRST_NAMES",
    "LAST_INITIALS",
    "THEMES",
    "TRIGGER_TAGS",
    "compose_commitment",
    "compose_connection_note",
    "compose_entry",
    "compose_gratitude",
    "compose_intention",
]


def _block(text: str) -> tuple[str, ...]:
    """Split a template block into templates, one per line.

    A line indented deeper than the block's first line continues the previous template.
    """
    lines = [raw for raw in text.splitlines() if raw.strip()]
    if not lines:
        return ()
    base = len(lines[0]) - len(lines[0].lstrip())
    out: list[str] = []
    for raw in lines:
        indent = len(raw) - len(raw.lstrip())
        line = raw.strip()
        if indent > base and out:
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return tuple(out)


def _words(text: str) -> tuple[str, ...]:
    """Whitespace-separated words of a block, in order."""
    return tuple(text.split())


# --------------------------------------------------------------------------------------------
# Public vocabularies
# --------------------------------------------------------------------------------------------

THEMES: tuple[str, ...] = (
    "trust",
    "belonging",
    "giving back",
    "gratitude",
    "a hard moment",
    "meetings",
    "family",
    "work",
    "health",
    "cravings",
    "sleep",
    "sponsor",
)

FIRST_NAMES: tuple[str, ...] = _words(
    """
    James Maya Sam Olivia Marcus Jasmine Tyler Brianna Kevin Ashley Derek Tasha Ray Denise
    Cody Megan Travis Crystal Luke Hannah Ben Rachel Nate Emily Chris Jess Mike Laura Dan Kim
    Tony Shannon Jake Amber Rob Heather Matt Nicole Greg Tiffany Steve Kayla Eddie Brooke Walt
    Gloria Frank Peggy Hank Darlene Earl Bonnie Lou Marge Curtis Tamika Andre Keisha Darnell
    Latoya Malik Imani Jerome Shanice Terrence Monique DeShawn Aaliyah Reggie Ebony Cedric Nia
    Alejandro Camila Diego Valentina Mateo Lucia Javier Gabriela Carlos Sofia Luis Mariana Jorge
    Daniela Rafael Ximena Miguel Paola Andres Renata Pablo Isabela Hector Marisol Ramon Yesenia
    Julio Guadalupe Esteban Rosa Joaquin Alma Ignacio Catalina Emilio Lorena José Inés
    Amara Kwame Chidi Adaeze Kofi Ama Tunde Folake Emeka Ngozi Jabari Zawadi Sekou Fatoumata
    Olu Chioma Yaw Abena Tendai Nandi Themba Thandiwe Babajide Ife Desta Selam Abebe Makeda
    Omar Layla Yusuf Amira Karim Nour Hassan Samira Tariq Leila Khalid Rania Bilal Yasmin
    Ibrahim Hana Mustafa Salma Ziad Dalia Faris Lina
    Priya Arjun Ananya Rohan Kavya Vikram Deepa Sanjay Meera Rahul Nisha Aditya Pooja Ravi
    Sunita Kiran Anjali Harpreet Gurpreet Manpreet Farhan Ayesha Imran Zainab Tahmina Rizwan
    Mei Hiroshi Yuna Jin Min-jun Seo-yeon Haruto Aiko Kenji Sakura Wei Lian Jun Xiu Hao
    Yuki Takeshi Naomi Ji-woo Hye-jin Sung-min Daisuke Emiko Chen Ling Bao Ming Tao Yan
    Linh Minh Thao Duc Huong Quan Trang Anh Phuong Tuan Mai Khanh
    Dmitri Olga Ivan Katya Sergei Natasha Alexei Irina Pavel Svetlana Yuri Oksana Bogdan Daria
    Astrid Lars Freya Anders Ingrid Sven Sigrid Nils Elsa Henrik Maja Erik Solveig Leif
    Siobhan Niamh Cian Aoife Declan Orla Ronan Saoirse Padraig Eoin Brigid Fergus
    Noa Eitan Tamar Avi Shira Yael Ari Talia Gideon Miriam
    Darius Shirin Reza Parisa Cyrus Mina Arash Laleh Kaveh Roya
    Emre Elif Mehmet Zeynep Burak Ayla Can Deniz Selin Kerem
    Eleni Nikos Sophia Yannis Katerina Stavros Dimitra Christos
    Giulia Marco Chiara Luca Francesca Matteo Alessia Giorgio Elena Paolo Rocco Teresa
    Amélie Luc Margaux Julien Céline Théo Manon Bastien Élodie Rémi
    Jonas Lena Felix Greta Lukas Anke Tobias Heike Jürgen Frieda
    João Thiago Ana Beatriz Rodrigo Larissa Caio Fernanda Leandro Tatiana
    Jomar Maricel Rizal Liza Ramil Analyn Dante Cherry Joel Rowena
    Keanu Leilani Kai Malia Koa Noelani Sione Losa Tevita Mele
    Wiremu Aroha Tane Mere Hemi Anahera
    Zoë Nadia Hamid Aziz Gulnara Timur Aigerim Dilnoza Rustam Farida
    Łukasz Agnieszka Kasia Tomasz Marta Piotr Zofia Wojciech
    Ondřej Petra Jana Matej Lucie
    Aleksandra Milan Jelena Goran Vesna Dragan
    Andreea Mihai Ioana Florin Bianca
    Rowan Quinn Avery Jordan Riley Casey Morgan Taylor Jamie Alex Robin Drew Sage River Skye
    Harold Dolores Vernon Mabel Clyde Edna Otis Ruth Floyd Irene Herb June Stan Agnes
    Bethany Caleb Delia Elias Fiona Gavin Iris Jonah Leah Miles Nora Owen Paige Reid Tessa
    Wade Zach Colleen Dwayne Wanda Lonnie Tammy Buddy Rhonda Shawn Trish
    """
)

LAST_INITIALS: str = "ABCDEFGHJKLMNPRSTVWZ"

COMMUNITY_NAMES: tuple[tuple[str, str], ...] = (
    ("Tuesday night open meeting, St. Mark's hall", "meeting"),
    ("Early Birds 7 am meeting", "meeting"),
    ("Noon Serenity group, downtown library", "meeting"),
    ("Saturday morning big book study", "meeting"),
    ("Candlelight meeting at the community center", "meeting"),
    ("Back to Basics step study", "meeting"),
    ("Friday speaker meeting, Grace church basement", "meeting"),
    ("Sunday night newcomers meeting", "meeting"),
    ("Family recovery circle", "support group"),
    ("SMART Recovery Wednesday group", "support group"),
    ("Parents in recovery support group", "support group"),
    ("Grief and recovery group, Riverside clinic", "support group"),
    ("Men's Thursday check-in group", "support group"),
    ("Women's Monday circle", "support group"),
    ("Late-night online meeting", "online forum"),
    ("Recovery forum, daily check-in thread", "online forum"),
    ("Sober parents chat", "online forum"),
    ("Morning run club", "fitness"),
    ("Community pool lap swim", "fitness"),
    ("Sunrise yoga in the park", "fitness"),
    ("Sober climbing night", "fitness"),
    ("Pickup basketball at the rec center", "fitness"),
    ("Thursday woodworking shop", "hobby"),
    ("Community garden plots", "hobby"),
    ("Library book club", "hobby"),
    ("Open mic at the coffee house", "hobby"),
    ("Knitting circle", "hobby"),
    ("Food bank Saturday shift", "volunteer"),
    ("Animal shelter dog walkers", "volunteer"),
    ("Park cleanup crew", "volunteer"),
    ("Helpline volunteers", "volunteer"),
)

TRIGGER_TAGS: tuple[str, ...] = (
    "stress",
    "loneliness",
    "payday",
    "an old friend",
    "tiredness",
    "conflict",
    "boredom",
    "celebration",
    "hunger",
    "anger",
    "a song",
    "old neighborhood",
    "family visit",
    "bad news",
    "pain",
    "weekend",
    "work pressure",
    "money worries",
    "a party",
    "anniversary",
)

COPING_TAGS: tuple[str, ...] = (
    "called my sponsor",
    "went to a meeting",
    "walk",
    "music",
    "wrote it down",
    "ate something",
    "slept",
    "prayer or meditation",
    "texted a friend",
    "breathing",
    "shower",
    "played it forward",
    "left the situation",
    "cleaned",
    "exercise",
    "online meeting",
    "reading",
    "helped someone",
)

ENTRY_TAGS: tuple[str, ...] = (
    "gratitude",
    "family",
    "work",
    "meeting",
    "step work",
    "sleep",
    "sponsor",
    "cravings",
    "health",
    "friends",
    "money",
    "kids",
    "service",
    "feelings",
    "amends",
    "trust",
    "exercise",
    "food",
    "spirituality",
    "hard day",
    "good day",
    "milestone",
    "home",
    "weekend",
    "reflection",
)


# --------------------------------------------------------------------------------------------
# Slot pools (filled lazily by _Slots)
# --------------------------------------------------------------------------------------------

_RELATIONS: tuple[str, ...] = (
    "my sister",
    "my brother",
    "my mom",
    "my dad",
    "my cousin",
    "my neighbor",
    "an old friend",
    "my roommate",
    "my aunt",
    "my best friend",
    "my oldest friend",
    "my grandma",
    "my coworker",
    "my uncle",
    "my stepmom",
)

_AM = tuple(f"{h}:{m:02d}" for h in range(5, 10) for m in range(0, 60, 5))
_PM = tuple(f"{h}:{m:02d}" for h in range(6, 12) for m in range(0, 60, 5))
_EVE = tuple(f"{h}:{m:02d}" for h in range(6, 10) for m in range(0, 60, 5))
_LATE = tuple(f"{h}:{m:02d}" for h in (10, 11, 12, 1, 2) for m in range(0, 60, 5))

_POOLS: dict[str, tuple[str, ...]] = {
    "clock_am": _AM,
    "clock_pm": _PM,
    "clock_late": _LATE,
    "clock_eve": _EVE,
    "name": FIRST_NAMES,
    "name2": FIRST_NAMES,
    "craving_n": ("5", "6", "7"),
    "spot": _block(
        """
        at the kitchen table
        on the back steps
        in the break room
        in a booth at the diner
        in the front seat of the car
        on the couch
        at the laundromat
        in bed
        by the window
        at my desk
        on the balcony
        at the library
        """
    ),
    "home_spot": _block(
        """
        at the kitchen table
        on the back steps
        on the couch
        in bed
        by the window
        at my desk
        on the balcony
        in the armchair
        """
    ),
    "drink": _block(
        """
        a coffee
        my second coffee
        a mug of tea
        a cup of peppermint tea
        a decaf
        a can of seltzer
        a hot chocolate
        a big glass of water
        a lukewarm coffee
        an iced coffee
        a ginger ale
        chamomile tea
        """
    ),
    "snack": _block(
        """
        a sandwich
        leftover pasta
        an apple and some crackers
        a granola bar
        rice and beans
        yesterday's soup
        a gas station burrito
        a bagel
        cold pizza
        a banana and peanut butter
        """
    ),
    "meal": _block(
        """
        soup
        chicken and rice
        pasta with actual sauce
        a big pot of chili
        stir-fry
        eggs and toast
        dal and rice
        tacos
        a real dinner with vegetables
        grilled cheese and tomato soup
        """
    ),
    "walk_place": _block(
        """
        around the block
        down to the river
        to the park and back
        around the lake
        past the school and back
        to the corner store and back
        up and down the hill
        through the neighborhood
        along the canal
        out to the end of the pier
        around the track at the high school
        """
    ),
    "meeting": _block(
        """
        my home group
        the meeting at the church hall
        the meeting at the rec center
        the meeting downtown
        the candlelight meeting
        the speaker meeting
        the step study
        the newcomers meeting
        the big book study
        the meeting by the hospital
        the meeting at the library
        the meeting on Elm Street
        """
    ),
    "meeting_time": ("noon", "7", "6:30", "eight", "seven", "7:30", "six", "the usual time"),
    "meeting_topic": _block(
        """
        acceptance
        patience
        fear
        honesty
        step one
        gratitude
        resentment
        making amends
        humility
        asking for help
        living one day at a time
        the holidays
        forgiveness
        loneliness
        """
    ),
    "share_topic": _block(
        """
        being scared of their own phone
        learning to sleep again
        being the one everyone used to worry about
        carrying old resentments
        their kid's birthday party
        the first holidays sober
        feeling like a fraud at work
        not knowing what to do with free time
        money and shame
        finally being honest with their parents
        how boring sober weekends felt at first
        """
    ),
    "slogan": _block(
        """
        You don't have to feel like it to do it.
        Progress, not perfection.
        Just for today.
        Keep coming back.
        Easy does it.
        Nothing changes if nothing changes.
        Feelings aren't facts.
        Move a muscle, change a thought.
        First things first.
        This too shall pass.
        """
    ),
    "kid": _block(
        """
        my daughter
        my son
        my little one
        my niece
        my nephew
        my stepdaughter
        my youngest
        my oldest
        """
    ),
    "music": _block(
        """
        the radio
        an old playlist
        some old soul records
        my favorite album from high school
        a podcast about space
        loud music
        the oldies station
        a gospel playlist
        """
    ),
    "trigger_event": _block(
        """
        payday
        a long shift
        seeing an old contact's name pop up on my phone
        walking past the bar on the corner
        a song from back then
        a rough phone call
        a tense talk with my manager
        an argument about money
        a birthday party at work
        driving through the old neighborhood
        a really lonely evening
        """
    ),
    "small_win_a": _block(
        """
        made my bed
        paid the phone bill on time
        cooked an actual dinner
        answered all my emails
        got to work early
        returned the library books
        cleaned out the fridge
        called the dentist
        """
    ),
    "small_win_b": _block(
        """
        took a walk at lunch
        drank more water than coffee
        folded the laundry right away
        said no to something I didn't want to do
        went to bed on time
        fixed the leaky faucet
        asked for help at work
        finished a whole book
        """
    ),
    "mins": ("ten minutes", "twenty minutes", "half an hour", "almost an hour", "forty minutes"),
    "step": ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    "sleep_span": _block(
        """
        eleven to six
        midnight to seven
        ten thirty to five thirty
        one to eight
        eleven to seven
        midnight to six
        """
    ),
    "feeling_low": _block(
        """
        heavy
        flat
        on edge
        raw
        restless
        jumpy
        foggy
        worn thin
        prickly
        low
        """
    ),
    "feeling_mid": _block(
        """
        okay, just a little tired
        fine, mostly
        a bit distracted
        calm enough
        level
        somewhere in between
        """
    ),
    "feeling_good": _block(
        """
        light
        steady
        calm
        hopeful
        clear-headed
        settled
        grateful
        """
    ),
    "hard_news": _block(
        """
        the rent going up
        my car needing a new transmission
        my court date getting moved again
        an old friend who isn't doing well
        my hours getting cut
        a letter from the insurance company
        my mom's health
        the custody schedule
        """
    ),
    "cafe": _block(
        """
        the diner
        the coffee place by the station
        the bakery on the corner
        the donut shop
        the little café near work
        the taco truck
        """
    ),
    "day": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "amount": ("20", "40", "50", "60", "75", "100", "120", "150", "200"),
    "event": _block(
        """
        birthday dinner
        soccer game
        school play
        graduation
        recital
        work party
        baseball game
        band concert
        art show
        """
    ),
    "item": _block(
        """
        drill
        jacket
        folding table
        books
        camping chairs
        ladder
        cooler
        good pan
        """
    ),
    "intention": (),  # filled below from _INTENTIONS
}

# Slots that keep one value for a whole entry (so "Sam" stays Sam throughout).
_STICKY: frozenset[str] = frozenset(
    {"friend", "friend2", "name", "name2", "kid", "meeting", "craving_n", "who"}
)

_INTENTIONS: tuple[str, ...] = _block(
    """
    call my sponsor before lunch
    eat a real breakfast
    go for a walk after work, even a short one
    answer the email I've been avoiding
    be patient with the kids
    drink more water than coffee
    get to a meeting
    text someone from the group just to say hi
    be in bed by eleven
    say no to the extra shift
    pay the electric bill
    ask for help before I need it, not after
    notice three good things
    read a page of my daily reader
    do one kind thing nobody knows about
    keep my phone away during dinner
    tell the truth, even about small things
    stretch for ten minutes
    listen more than I talk
    take my lunch break outside
    leave work at work
    cook dinner instead of ordering
    be on time
    write a gratitude list
    call my mom back
    let the small stuff go
    pause before I answer when I'm irritated
    make my bed
    clean out the car
    take my meds on time
    check in with the newcomer from last night
    set up chairs before the meeting
    spend fifteen minutes on step work
    stop checking my bank app every hour
    go easy on myself
    sit quietly for five minutes before the day starts
    get some sunlight before noon
    finish the chapter my sponsor gave me
    say thank you to someone who helped me
    go to the gym, even if I only stay twenty minutes
    not skip lunch
    put the phone down an hour before bed
    ask my kid about their day and really listen
    show up where I said I'd show up
    keep my side of the street clean
    do the dishes before they pile up
    """
)
_POOLS["intention"] = _INTENTIONS


class _Slots(dict[str, str]):
    """A ``format_map`` mapping that draws slot values lazily from ``rng``."""

    def __init__(self, rng: random.Random, people: Sequence[str], craving: int | None) -> None:
        super().__init__()
        self.rng = rng
        self.people: tuple[str, ...] = tuple(p for p in people if p)
        if craving is not None:
            self["craving_n"] = str(craving)

    def _person(self, key: str) -> str:
        rng = self.rng
        other = self.get("friend2" if key == "friend" else "friend")
        people = self.people
        if people and rng.random() < 0.85:
            value = rng.choice(people)
            if value != other:
                return value
            if len(people) > 1:
                return rng.choice([p for p in people if p != other])
        value = rng.choice(_RELATIONS)
        if value == other:
            value = _RELATIONS[(_RELATIONS.index(value) + 1) % len(_RELATIONS)]
        return value

    def __missing__(self, key: str) -> str:
        value = self._person(key) if key in ("friend", "friend2") else self.rng.choice(_POOLS[key])
        if key in _STICKY:
            self[key] = value
        return value


def _render(template: str, slots: _Slots) -> str:
    text = template.format_map(slots) if "{" in template else template
    first = text[:1]
    if first.islower():
        text = first.upper() + text[1:]
    return text


# --------------------------------------------------------------------------------------------
# Entry openers
# --------------------------------------------------------------------------------------------

_LEADS: tuple[str, ...] = _block(
    """
    Writing this {spot} with {drink}
    Up at {clock_am}, before the alarm
    Sitting in the car for a minute before work
    On the bus home with my headphones in
    Lunch break, eating {snack} in the break room
    {clock_late}, kitchen table, everyone else asleep
    Back from {meeting}
    Home from work with my shoes still on
    First coffee of the day at {clock_am}
    Can't sleep, so here I am at {clock_late}
    Quick check-in before bed
    Rain against the window all evening
    Sitting on the back steps with {drink}
    Waiting for the laundry to finish
    In the parking lot after {meeting}
    {kid} is finally asleep
    Just walked in the door at {clock_pm}
    Day off today
    Long day
    Woke up at {clock_am} to the neighbor's dog barking
    Sitting {spot} after a walk {walk_place}
    After dinner, with {drink} going cold next to me
    Couldn't get out of bed until {clock_am}
    Half an hour until my shift
    Got home from {meeting} about an hour ago
    Back from a walk {walk_place}
    Late lunch, {snack}, and a few minutes to think
    Morning, and the house is quiet
    Sunny and cold out
    Grey and drizzly all day
    Fresh sheets on the bed and {drink} on the nightstand
    Just got off the phone with {friend}
    Just hung up with my sponsor
    Home early for once
    It's {clock_pm} and I'm finally sitting down
    Ten minutes before I have to leave for work
    Sitting {home_spot} with the window cracked open
    Dishes done, {drink} in hand
    End of a long shift
    Windy one today
    Between errands, sitting {spot}
    Just back from a walk with {friend}
    Up early at {clock_am} with {drink}
    Writing this {home_spot} while {kid} does homework
    Still in my work clothes at {clock_pm}
    Sitting {home_spot} at {clock_pm} with the TV off
    Home at {clock_pm} after dropping {friend} off
    Up at {clock_am} with the birds
    Got back from {cafe} around {clock_pm}
    Writing this {home_spot} at {clock_am} before anyone else is up
    On my break at {clock_pm}, sitting out back
    Back from the grocery store at {clock_pm}
    Writing this {home_spot} after {meal} for dinner
    Finally off the phone with the landlord at {clock_pm}
    Just said goodnight to {kid} at {clock_eve}
    Waiting on the bus at {clock_am} with {drink}
    Home from {meeting} with {drink}
    Rode home with {name} from {meeting}
    Ten minutes into my lunch, {snack} in one hand
    Standing by the stove while {meal} simmers
    Made it to {clock_pm} without a nap
    Shift ran late, home at {clock_pm}
    Out walking {walk_place} at {clock_am}
    Just got back from {cafe} with {friend}
    """
)

# Optional lead-ins for the mood clause of an opener ("Up early — honestly, I feel ...").
_CLAUSE_LEADINS: tuple[str, ...] = (
    "",
    "",
    "",
    "honestly, ",
    "if I'm being honest, ",
    "to be real, ",
)
_JOINERS: tuple[str, ...] = (" — ", " — ", ", and ", "; ")

_CLAUSES: dict[str, tuple[str, ...]] = {
    "low": _block(
        """
        I feel heavy and I'm not totally sure why
        my head has been loud since I woke up
        today has been a grind from the first minute
        I'm tired in a way sleep doesn't fix
        everything feels like it takes twice the effort
        I almost skipped writing tonight, but I promised myself I wouldn't
        I'm going to be honest here because nobody else reads this
        I've been snapping at people and I don't like it
        the low mood from yesterday followed me into today
        I feel flat, like someone turned the color down
        I keep waiting for the day to get easier and it hasn't yet
        my chest has been tight all afternoon
        I don't have much in the tank
        I'm raw and a little scared, and I want to write it down
        I'm running on fumes
        it's one of those days I have to take an hour at a time
        I'm {feeling_low} and trying not to make it mean anything
        I woke up already feeling {feeling_low}
        I can feel the old restlessness under my skin
        the quiet in here is too loud
        I'm having a hard time and I'm not going to pretend otherwise
        I've been fighting my own head all day
        I feel like I'm walking uphill in wet shoes
        I'm lonely tonight and I'd rather say it here than pretend
        I feel {feeling_low} and small and far away from everybody
        """
    ),
    "mid": _block(
        """
        I feel pretty ordinary, which I'm learning to appreciate
        nothing big happened, and that's okay
        today was a mixed bag
        I'm somewhere in the middle today, not great and not bad
        I'm tired but okay
        the day went by fast
        I'm a little scattered but mostly fine
        I'm {feeling_mid}
        it's been a steady, boring day in the best way
        I keep thinking about something from {meeting}
        I have a few things on my mind
        I want to get a couple of things down before I forget them
        I'm not sure how I feel yet, so I'm writing to find out
        the morning was rough but the afternoon evened out
        some of today was hard and some of it was fine
        I feel mostly steady, with a little static underneath
        it was a regular day and I was present for most of it
        my mood's been up and down like the weather
        I feel {feeling_mid}, with a to-do list that's only half done
        I'm calmer than I was this morning, which is something
        I'm doing alright, not amazing
        """
    ),
    "high": _block(
        """
        I feel good, actually good
        I feel lighter than I have in weeks
        I caught myself humming while I did the dishes
        today was one of the good ones
        I want to remember how today felt
        I feel {feeling_good} and I want to write it down
        I feel like myself today
        there's a little bit of hope sitting in my chest
        I actually laughed out loud twice today
        I feel steady, and steady feels like a gift
        things feel manageable in a way they didn't a few months ago
        I slept well and it shows
        my good mood has lasted all day
        I'm proud of myself today and I'm allowed to say so
        I feel more awake to my own life than I have in a long time
        I keep smiling for no real reason
        today felt easy in the way I used to think was only for other people
        I have energy today, the clean kind
        I got more done before noon than I used to get done in a week
        the world looks a little brighter than it did yesterday
        I feel grounded, like my feet are actually on the floor
        I'm in a really good mood and I'm not even suspicious of it
        I feel like I can breathe all the way down today
        I spent most of the day feeling quietly happy
        I feel {feeling_good}, which is still new enough to notice
        """
    ),
}

_EVENT_OPENERS: dict[str, tuple[str, ...]] = {
    # Every opener carries at least one wide slot (a clock time or a name) so first
    # sentences stay distinct across thousands of entries.
    "low": _block(
        """
        {friend} asked me at {clock_pm} how I was doing and I said fine, which wasn't true.
        Woke up at {clock_am} with my heart already racing and no idea why.
        It's {clock_pm} and I've been staring at this page trying to figure out where to start.
        Found a note from the landlord on the door at {clock_pm} about {hard_news}, and my
            stomach dropped.
        Missed the {clock_am} bus by about four seconds, and the whole day followed that
            pattern.
        {name} at work made a comment about me looking tired, and it stuck with me all day.
        It's {clock_late} and I've been on the couch for hours with my phone in my hand, not
            calling anyone.
        Got a text from an old number around {clock_pm} and my whole body tensed up.
        I snapped at {friend} over nothing at {clock_am} and carried it around all day.
        The heater is acting up again and I'm writing this in my coat at {clock_late}.
        Had a dream about the old days and woke up at {clock_am} feeling like I'd done
            something wrong.
        {name} told me about {hard_news} at lunch and it knocked me off balance.
        Sat in the car outside {meeting} at {clock_pm} and almost drove away.
        {name} from work asked if I wanted to grab a drink after the shift, and I made an
            excuse and went home.
        {name2} at the front desk was short with me this morning and I let it ruin my whole
            afternoon.
        """
    ),
    "mid": _block(
        """
        {friend} texted me at {clock_am} to ask if I wanted to get breakfast.
        Left {meeting} at {clock_pm} and took the long way home just to get some air.
        Spent the morning at the laundromat with {name}'s mom, of all people, watching our
            socks go around.
        {name} from the group showed me pictures of their new puppy before the meeting.
        Finally fixed the squeaky cabinet door at {clock_pm}, a month after it started
            bugging me.
        Stuck in traffic until {clock_pm}, singing along to {music}.
        It's {clock_pm}, the dishes are done, and I finally have a minute to myself.
        Had {snack} for lunch standing over the sink, and {name2} caught me doing it.
        Spent from {clock_am} until lunch on hold with the insurance company and somehow
            didn't lose my temper.
        {kid} asked me about a hundred questions before {clock_am} and I answered maybe forty.
        {name} at work brought in donuts at {clock_am} and I ate two before I noticed.
        Walked {walk_place} at {clock_pm} while it was still a little light out.
        {name} and I got stuck at the bus stop together and talked about our kids.
        """
    ),
    "high": _block(
        """
        {friend} called at {clock_am} just to say they were thinking about me.
        Woke up at {clock_am} before the alarm, feeling rested, which still feels like a trick.
        Walked {walk_place} at {clock_am} and the air smelled like cut grass.
        {name} hugged me at the end of the meeting and said I looked good, and I think I do.
        Paid every bill this month on time, and {name2} at the bank said "nice job" like they
            meant it.
        Had breakfast with {friend} and we laughed so much the waitress asked what was funny.
        {kid} ran to the door when I got home at {clock_pm}, and I swear I felt my heart get
            bigger.
        The sun came out around {clock_am} and so did I, apparently.
        {name} at the meeting asked me how I stay so calm, and I nearly laughed.
        Made pancakes at {clock_am} for no reason at all.
        Got home at {clock_pm} tired in the good way, the way that comes from a full day.
        {name} from the group sent me a photo of the sunrise at {clock_am}, and it set the
            tone for the whole day.
        """
    ),
}

# --------------------------------------------------------------------------------------------
# General mood sentences, reaching out, connection
# --------------------------------------------------------------------------------------------

_MOOD: dict[str, tuple[str, ...]] = {
    "low": _block(
        """
        I keep reminding myself that feelings pass, even this one.
        I'm trying not to beat myself up about it.
        Not every day has to be a good one. This one just has to be a sober one.
        Everything irritated me today: traffic, the noise upstairs, my own face in the
            mirror.
        I don't have a reason for feeling this way, and somehow that makes it worse.
        I keep thinking about the things I can't fix.
        It's been a day of just getting from one thing to the next.
        Mostly I want to crawl under a blanket and wait for tomorrow.
        It feels like I'm carrying a backpack full of rocks.
        Sometimes I'm scared that this is as good as it gets. My sponsor says it isn't.
        Being gentle with myself is hard, but I'm trying.
        I did the bare minimum today, and the bare minimum included not using.
        I ate {snack} for dinner because it was all I could manage.
        The old voice in my head was loud today, the one that says I'm not worth much.
            I didn't argue with it. I just didn't obey it.
        I cancelled plans with {friend} and then felt lonely, which is a pattern I know.
        """
    ),
    "mid": _block(
        """
        Did the dishes, paid a bill, answered some texts. A regular day.
        Nothing dramatic, just life.
        I'm learning that okay is a perfectly good place to be.
        I've been a bit in my head, but not in a bad way.
        Ran errands all afternoon and forgot to eat until four.
        The weather couldn't decide what it wanted to do, and neither could I.
        Some of the day felt slow and some of it flew.
        Checked off about half my list, which is about average.
        I cooked {meal} and ate it at the table instead of in front of the TV.
        Not much to report, which a year ago would have sounded like a dream.
        I had a small worry about money that I let get bigger than it needed to be.
        Spent some time just sitting {spot}, not doing anything, and that was fine.
        """
    ),
    "high": _block(
        """
        Small wins today: I {small_win_a}, and I {small_win_b}.
        I kept my word all day, to other people and to myself.
        I noticed the sky today. Like actually noticed it.
        I feel like I'm getting my life back, one ordinary day at a time.
        I said yes to plans and then I actually went.
        I'm proud of the person I was today.
        It felt good to be in my own skin.
        I cleaned the whole apartment and then just sat there enjoying it.
        I {small_win_a} without anybody having to remind me. Tiny, but mine.
        I cooked {meal}, and it was good enough that I took a picture of it.
        I had money left over at the end of the week. I keep checking in case it's a mistake.
        Nobody had to worry about me today, and I didn't have to worry about me either.
        """
    ),
}

_REACH_OUT: tuple[str, ...] = _block(
    """
    I texted {friend} that I was having a rough one. They sent back a heart and
        "call me anytime."
    I called my sponsor on my lunch break. Just hearing a calm voice helped.
    I made myself go to {meeting} even though I wanted to hide.
    I went for a walk {walk_place} to get out of my head for a while.
    I told {friend} the truth when they asked how I was. They didn't try to fix it, they just
        listened.
    I called {friend} and we talked for {mins} about nothing, which was exactly what I needed.
    I wrote three things I'm grateful for on a sticky note and put it on the fridge.
    I ate something, took a shower, and lay down for twenty minutes. Basic stuff, but it
        helped.
    I sat in on an online meeting from the couch with my camera off. I still heard what I
        needed to hear.
    I put on {music} and did the dishes, slowly, one plate at a time.
    I texted my sponsor "rough day" and got back "proud of you for saying so."
    I asked {friend} if I could come over for a bit, and they said yes before I finished
        asking.
    """
)

_CONNECT: tuple[str, ...] = _block(
    """
    {friend} and I got coffee after {meeting} and talked about everything except recovery,
        which was nice.
    I called {friend} just to say hi, no crisis, no reason. That's new for me.
    {friend} and I made plans for next week and I already know I'll show up.
    Had lunch with {friend}. We split a dessert and they told me I seem like myself again.
    {name} from the group texted me a photo of the sunrise. We've started doing that.
    I sat with {friend} on the porch until the streetlights came on.
    {friend} and I went to {cafe} and sat there for {mins} after we finished eating.
    Walked {walk_place} with {friend} and we barely stopped talking.
    """
)

# --------------------------------------------------------------------------------------------
# Themes: "any" fits every mood, "low"/"high" colour the wording.
# --------------------------------------------------------------------------------------------

_THEME_TEXT: dict[str, dict[str, tuple[str, ...]]] = {
    "trust": {
        "any": _block(
            """
            Trust comes back slower than it left, and I have to keep reminding myself of that.
            I keep thinking about how a lot of small promises add up to one big one.
            I told {friend} I'd call after dinner, and I did. Small thing, but that's how it
                works now.
            Nobody owes me their trust back. All I can do is keep showing up the same way every
                day.
            I caught myself about to tell a little white lie about where I'd been, and I
                stopped and told the truth instead.
            Being honest about small stuff is getting easier. It used to be a reflex to cover.
            {friend} still looks at my eyes sometimes when I walk in. I get it. I'd check too.
            I'm learning the difference between saying sorry and actually living differently.
            I counted the promises I made this month, and I've kept almost all of them.
            My sponsor says amends are mostly a way of living, not a speech. I'm starting to get
                that.
            I showed {friend} my bank statement without being asked. It felt strange and good.
            """
        ),
        "low": _block(
            """
            {friend} didn't believe me today when I said where I'd been, and it stung, even
                though I understand why.
            It hurts to be doubted when I'm telling the truth. My sponsor says that's part of
                the cost and it won't last forever.
            I wanted to defend myself, but I kept my mouth shut and let it be. Better than
                yelling.
            Some days the trust thing feels like pushing a boulder uphill.
            I forgot something I promised {friend} and I feel sick about it. At least I called
                and owned it right away.
            {friend} still keeps their wallet in their room when I visit. I notice every time.
            """
        ),
        "high": _block(
            """
            {friend} handed me the car keys today without a second thought. I noticed.
            {friend} asked me to watch their place while they're away. A year ago that
                wouldn't have happened.
            Got a "thank you for being there" text from {friend} and read it about five times.
            It's quiet, but something between me and {friend} is getting repaired.
            {friend} told me they're proud of me. I didn't know what to do with my hands.
            {friend} asked my opinion on something important, and then actually took it.
            """
        ),
    },
    "belonging": {
        "any": _block(
            """
            There's someone at {meeting} who always saves me a seat now, and I didn't realize
                how much that matters.
            I'm starting to recognize faces at the grocery store, at the bus stop, at meetings.
            {name} remembered my name tonight. It's silly how much that helped.
            For a long time I felt like I was watching life through a window. Some days lately
                I'm actually in the room.
            I stayed for cleanup after the meeting and it felt good to be one of the people
                who stays.
            The guy at the coffee cart knows my order now. Small thing. Big thing.
            I used to think I had to earn my spot everywhere. At the meeting nobody asks me to
                earn anything.
            I keep being surprised that people want me around.
            Somebody at {meeting} said "we missed you" when I came back after a week away.
            """
        ),
        "low": _block(
            """
            I felt like an outsider at the meeting tonight, like everyone else had it figured
                out.
            Sat in the back and didn't talk to anyone. I'm glad I went, but I felt far away.
            Loneliness crept in hard this afternoon. I know it lies to me, but it's convincing.
            Everyone at the party had a drink in their hand and I felt like I was wearing a
                sign.
            I don't know where I fit right now, and that's an uncomfortable thing to write down.
            Scrolled through old photos and missed people I probably shouldn't miss.
            """
        ),
        "high": _block(
            """
            Somebody asked me to go to breakfast after the meeting, and I said yes instead of
                making an excuse.
            I laughed so hard with the group tonight that my face hurt.
            For the first time it felt like my home group is actually *my* group.
            {name} asked for my number tonight. I gave it. That's how it started for me too.
            Felt like I belonged somewhere today, and I didn't have to perform to get there.
            I got invited to a cookout by people from the group. Me, on a guest list.
            """
        ),
    },
    "giving back": {
        "any": _block(
            """
            I made the coffee for {meeting} today. The urn has a temper.
            A newcomer was shaking in the back row, so I went and sat with them for a bit.
                Didn't say much. Didn't need to.
            I helped set up chairs before the meeting. It's the easiest way I know to get out
                of my own head.
            {name} asked me how I got through the first month. I told the truth: one day at a
                time and a lot of phone calls.
            Volunteered at the food bank for a few hours. Sorting cans is weirdly calming.
            I gave my number to someone new tonight and told them to actually use it.
            Drove {name} to a meeting because their car is in the shop. Forty minutes round
                trip, worth every one.
            Someone did this for me once, and now I get to do it for someone else.
            Washed the mugs after the meeting with {name} while we talked about our week.
            """
        ),
        "low": _block(
            """
            I didn't feel like I had anything to give today, so I just stacked chairs. That
                counted.
            It's hard to help anyone when I can barely help myself, but showing up for {name}
                helped me too.
            I signed up for a service commitment and now I'm nervous I'll let people down.
            I almost skipped my coffee commitment tonight. Went anyway, and I'm glad.
            """
        ),
        "high": _block(
            """
            {name} got their thirty-day chip tonight and hugged me after. I held it together,
                mostly.
            Answered the phone for someone new this afternoon and actually knew what to say.
            It felt really good to be useful today.
            I told my story at the meeting tonight. My hands shook, but people came up
                afterward to say thanks.
            {name} called me for help tonight. Me. I didn't have answers, but I stayed on the
                line.
            """
        ),
    },
    "gratitude": {
        "any": _block(
            """
            Grateful for {drink} this morning, hot and exactly how I like it.
            I'm grateful I woke up clear-headed. I never want to take that for granted.
            I made a gratitude list on the bus and it was longer than I expected.
            Little things today: a warm bed, a working phone, a text from {friend}.
            My sponsor says gratitude is an action, so I wrote {friend} a thank-you card.
            It's easy to notice what's missing. Today I tried to notice what's here.
            I'm thankful for the people who didn't give up on me, and for the ones who had to.
            """
        ),
        "low": _block(
            """
            Even on a day like this there are things to be grateful for: the bus came on time,
                and {friend} picked up the phone.
            Hard to feel grateful today, so I wrote the list anyway and hoped the feeling would
                follow.
            Grateful is a stretch tonight, but I'm grateful I didn't make things worse.
            Grateful for a roof, a locked door, and a bed. Some nights that's the whole list.
            """
        ),
        "high": _block(
            """
            I kept noticing good things today, like my brain finally remembered how.
            Grateful for the sunlight on the kitchen floor this morning, and for being awake to
                see it.
            I'm grateful for this life, even the boring parts. *Especially* the boring parts.
            Told {friend} I was grateful for them, out loud, to their face. Nobody died of
                embarrassment.
            """
        ),
    },
    "a hard moment": {
        "any": _block(
            """
            There was a moment this afternoon when everything felt like too much.
            Got news about {hard_news} and sat with it for a while before doing anything.
            I didn't handle it perfectly, but I didn't run from it either.
            I sat in the car for ten minutes and just breathed before going back inside.
            It passed. It always passes, even when I'm sure it won't.
            My sponsor says feelings aren't facts. I'm trying to remember that right now.
            I noticed my jaw clenched and my shoulders up by my ears, and I made myself unclench.
            """
        ),
        "low": _block(
            """
            I had to leave the store because my chest got tight and I couldn't think.
            {friend} and I had a fight about money and I said things I regret.
            I cried in the bathroom at work today. Then I washed my face and finished the
                shift.
            Old memories came up out of nowhere today and knocked me sideways.
            For a second I felt like the old me, angry and ready to burn it all down. I didn't.
            Someone cut me off in traffic and I was shaking with anger for an hour. It wasn't
                really about the car.
            """
        ),
        "high": _block(
            """
            Something hard happened today and I handled it like a grown-up. I'm kind of amazed.
            Got through the hard conversation with {friend}. It wasn't fun, but we're okay.
            A year ago today's news would have sent me spinning. Today I called someone and
                made a plan.
            I apologized to {friend} before the day was over instead of letting it fester.
            """
        ),
    },
    "meetings": {
        "any": _block(
            """
            Went to {meeting}. The coffee was terrible and the people were great, same as
                always.
            Someone shared about {share_topic} tonight, and it was like they were reading my
                mind.
            I raised my hand and shared for the first time in a while. My voice shook, but I
                said it.
            The topic at {meeting} was {meeting_topic}. I mostly listened.
            Got there early and stood by the coffee urn talking with {name} about nothing in
                particular.
            I didn't want to go tonight, and I went anyway. That's usually the meeting I need
                most.
            Heard something tonight I want to keep: *{slogan}*
            Online meeting tonight because of the weather. Not the same, but still people,
                still honest.
            The chairperson read the opening like they'd read it a thousand times, and somehow
                that was comforting.
            {name} shared about {share_topic}, and I wrote down half of what they said.
            """
        ),
        "low": _block(
            """
            Sat in the parking lot for ten minutes before I could make myself go in.
            I zoned out through most of the meeting, but I was there, and my sponsor says that
                counts.
            Left right after the closing. Didn't have it in me to talk to anyone.
            I went to {meeting} mostly so I wouldn't be alone, and that's a good enough reason.
            """
        ),
        "high": _block(
            """
            Great meeting tonight. Lots of laughing, and a couple of newcomers stayed till the
                end.
            I picked up a keychain tonight and people clapped. I didn't know where to look.
            I stayed after for coffee and ended up talking with {name} for almost an hour.
            The topic was {meeting_topic} and for once I had something hopeful to say.
            """
        ),
    },
    "family": {
        "any": _block(
            """
            {kid} showed me a drawing of our family today. I'm in it, holding a kite.
            Called my mom. We talked about the weather for twenty minutes, and that was enough.
            Dinner at {friend}'s. Somebody passed me the potatoes and I felt like part of
                things.
            {kid} wanted help with homework and I actually knew the answer. Small miracle.
            My dad doesn't say much, but he asked if I needed anything from the store. That's
                his way.
            Family stuff is complicated. I'm trying to show up without expecting a parade.
            I read {kid} a bedtime story and did all the voices.
            Picked {kid} up from school on time, and we got ice cream on the way home.
            """
        ),
        "low": _block(
            """
            My brother still won't return my calls. I left a short message and let it go for
                today.
            Holidays are coming and I'm already dreading the questions.
            {kid} asked why I was gone so much last year. I told the truth, in kid-sized words.
                It was hard.
            Mom brought up the past at dinner, and I had to excuse myself for a few minutes.
            Missed {kid}'s call because I was at work, and I felt awful until I called back.
            """
        ),
        "high": _block(
            """
            {kid} fell asleep on my shoulder during the movie and I didn't move for an hour.
            My sister invited me to the family barbecue. Not as a maybe. As an obvious yes.
            Got a real hug from my dad today. Not the quick pat on the back. A real one.
            We played cards after dinner and nobody was watching me to see if I was okay.
            {kid} told their teacher I'm their hero. I had to go sit in the car for a minute.
            """
        ),
    },
    "work": {
        "any": _block(
            """
            Long shift today. My feet hurt, but I was present for all of it.
            My manager asked me to cover for {name2} and I said yes, then immediately wished I
                hadn't.
            The lunch rush was brutal, but I kept my cool.
            I got to work ten minutes early and sat in the car with {drink}, just breathing.
            {name2} at work has no idea what I'm carrying, and that's fine. Not everyone needs
                to know.
            Got through my whole inbox today for the first time in months.
            Payday. I paid the rent first, like my sponsor suggested, before anything else
                could happen to the money.
            The break room smelled like burnt popcorn and somebody's birthday cake.
            Work is one place where I just do the next thing in front of me, and there's relief
                in that.
            {name2} and I ate lunch together on the loading dock and complained about the
                schedule.
            """
        ),
        "low": _block(
            """
            Work was rough. {name2} took credit for something I did and I had to bite my tongue.
            I almost called in sick just to hide, but I went.
            My boss was short with me today and I spent the afternoon sure I was about to get
                fired. I wasn't.
            Worked a double and I'm running on empty.
            Got written up for being late, and it's fair, and it still stings.
            """
        ),
        "high": _block(
            """
            My supervisor said I've been a real asset lately. I wrote it down so I'll remember.
            Finished the project I'd been dreading, and it actually turned out good.
            Got asked to train the new hire. Me, trusted with someone new.
            Had a good laugh with {name2} on my break. Work feels lighter lately.
            Got my first raise in years. Not huge, but it's proof of something.
            """
        ),
    },
    "health": {
        "any": _block(
            """
            Walked {walk_place} on my lunch break. It helped more than I thought it would.
            Doctor's appointment this morning. My blood pressure's better than it was.
            Drank water all day like someone who plans to live a long time.
            Cooked {meal} for dinner instead of grabbing whatever. My body noticed.
            Went to the dentist for the first time in years. Not fun, but done.
            My appetite is coming back. I ate a real breakfast and didn't feel sick.
            Stretched for ten minutes before bed. Felt silly. Felt good.
            Picked up my prescription and actually read the label this time.
            """
        ),
        "low": _block(
            """
            Headache all day and I couldn't shake it.
            My back is killing me, and it makes everything else harder.
            Skipped lunch again and paid for it by three o'clock.
            Been fighting a cold, and being sick makes my head go to dark places. Resting
                instead.
            """
        ),
        "high": _block(
            """
            Went for a run and didn't stop once. Slow, but I didn't stop.
            My skin looks better and my eyes look clearer. Somebody at work said so too.
            I feel stronger than I have in a long time, body and head.
            The doctor said my numbers are all moving in the right direction.
            """
        ),
    },
    "cravings": {
        "any": _block(
            """
            My sponsor says a craving is like a wave. It builds, it peaks, and it goes.
            I've started noticing cravings earlier, before they get loud. That's new.
            I've been writing down when the urges show up. Mostly late afternoon, mostly when
                I'm hungry or tired.
            Hungry, angry, lonely, tired. I was three out of four today, which explains a lot.
            Cravings don't mean I'm failing. They mean I'm a person in recovery having a normal
                day.
            I deleted a few old numbers from my phone today. Should have done it months ago.
            """
        ),
        "low": _block(
            """
            The urge came out of nowhere today and hung around for hours.
            Drove past the old place to see if I could. That was a mistake, and I won't do it
                again.
            I hate how tired fighting this makes me.
            The pull was there all evening, like a low hum under everything.
            """
        ),
        "high": _block(
            """
            Barely thought about using today. I only noticed tonight when I sat down to write.
            Had a quick thought about the old days and it just passed, like weather.
            Cravings have been quieter this week. I'm not getting cocky, just grateful.
            Walked right past the corner where I used to go and didn't even slow down.
            """
        ),
    },
    "sleep": {
        "any": _block(
            """
            Slept from {sleep_span}. Not perfect, but better.
            I'm finally keeping my phone out of the bedroom. It helps.
            Woke up at {clock_am} and actually got out of bed instead of lying there.
            Dreams have been strange lately. My sponsor says that's normal early on.
            Chamomile tea and a boring book. That's my new bedtime routine.
            Set an alarm for bedtime instead of just for waking up. Trying it out.
            """
        ),
        "low": _block(
            """
            Couldn't sleep again. Lay there counting ceiling cracks until three.
            Had one of those using dreams and woke up sweating. It took a minute to remember
                where I was.
            I'm so tired that everything feels heavier than it is.
            Up at {clock_am} after maybe four hours. Running on coffee and stubbornness.
            """
        ),
        "high": _block(
            """
            Slept eight hours straight. I don't remember the last time.
            Woke up rested, like an actual human. Going to try to protect that.
            Took a nap on the couch this afternoon with the window open. Heaven.
            I'm falling asleep faster these days without lying there replaying everything.
            """
        ),
    },
    "sponsor": {
        "any": _block(
            """
            Called my sponsor on the way home. The usual questions, and I answered them
                honestly.
            My sponsor texted "how's today?" and I actually told the truth.
            Met my sponsor for coffee and worked on step {step}.
            My sponsor laughed at me today, kindly, when I said I had it all figured out.
            I told my sponsor about the thing I've been avoiding. The world didn't end.
            My sponsor reminded me that I only have to do today.
            Read the chapter my sponsor assigned and underlined half of it.
            My sponsor told me about their own first year, and it sounded a lot like mine.
            """
        ),
        "low": _block(
            """
            I didn't want to call my sponsor, which is exactly why I called.
            My sponsor didn't pick up and for a minute I panicked. They called back twenty
                minutes later.
            Told my sponsor I was struggling. No lecture. They just listened.
            My sponsor asked if I'd eaten today. I hadn't. I went and ate.
            """
        ),
        "high": _block(
            """
            My sponsor said I seem different lately. Lighter. I think they're right.
            Finished step {step} with my sponsor. It felt like setting down a heavy bag.
            My sponsor asked if I'd consider sponsoring someone someday. I'm not ready, but I
                was honored.
            My sponsor and I talked about fishing for an hour and recovery for five minutes.
                Perfect.
            """
        ),
    },
}

_THEME_POOLS: dict[str, dict[str, tuple[str, ...]]] = {
    theme: {
        "low": parts["any"] + parts["low"],
        "mid": parts["any"] + parts["any"] + parts["low"] + parts["high"],
        "high": parts["any"] + parts["high"],
    }
    for theme, parts in _THEME_TEXT.items()
}
# The cravings theme follows the craving number rather than the mood.
_CRAVING_THEME_POOLS: dict[str, tuple[str, ...]] = {
    "none": _THEME_TEXT["cravings"]["any"] + _THEME_TEXT["cravings"]["high"],
    "some": _THEME_TEXT["cravings"]["any"],
    "high": _THEME_TEXT["cravings"]["any"] + _THEME_TEXT["cravings"]["low"],
}
# Which theme a (module-level, never rebuilt) pool belongs to, by identity; used for titles.
_POOL_THEME: dict[int, str] = {
    id(pool): theme for theme, bands in _THEME_POOLS.items() for pool in bands.values()
}
_POOL_THEME.update({id(pool): "cravings" for pool in _CRAVING_THEME_POOLS.values()})

# --------------------------------------------------------------------------------------------
# Cravings and coping (driven by the craving number)
# --------------------------------------------------------------------------------------------

_CRAVING_SOME: tuple[str, ...] = _block(
    """
    Had a craving around {clock_pm}. Not huge, but there.
    The urge showed up after {trigger_event}. I noticed it and kept moving.
    There was a pull this afternoon. I noticed it, named it, and let it sit there.
    Craving was about a {craving_n} out of 10 today, mostly when I got bored.
    Some craving today after {trigger_event}. Annoying more than scary.
    My brain brought up the old days a few times today, like a song stuck on repeat.
    A little craving on the drive home, around a {craving_n}. I turned the radio up and
        kept driving.
    """
)

_CRAVING_HIGH: tuple[str, ...] = _block(
    """
    The craving was bad today, a real {craving_n} out of 10.
    I wanted to use today. Really wanted to. I'm writing that down because hiding it is how
        trouble starts.
    My brain kept making a very convincing case for "just once." I know that voice.
    The urge sat on my chest most of the afternoon, a {craving_n} out of 10 at least.
    I caught myself planning the route to the old place, and that scared me enough to call
        someone.
    Hard craving after {trigger_event}. Shaky hands, racing mind.
    Around {clock_pm} the craving hit like a truck. I'm not going to pretend it didn't.
    Everything in me wanted to pick up tonight. The pull was a {craving_n}, easy.
    """
)

_COPING: tuple[str, ...] = _block(
    """
    I called my sponsor and we talked until it passed.
    Went to {meeting} instead of going home, and sat right up front.
    Walked {walk_place} until my head cleared.
    I texted {friend} "having a hard time" and they called me right away.
    Ate something, drank a big glass of water, and took a shower. It helped more than I
        expected.
    I played the tape forward, like they say. I know how that story ends.
    Put on {music} and cleaned the kitchen until it eased off.
    I wrote it all down here instead of acting on it.
    I said the serenity prayer about twenty times in the car.
    Did the breathing thing: in for four, hold, out for six. Again and again.
    Got out of the apartment and sat in the library for an hour, where it's quiet and safe.
    Called {friend} and asked them to just talk to me about anything. They told me about their
        day until the worst was over.
    Logged on to an online meeting and listened with the volume all the way up.
    """
)

_COPING_TAIL: tuple[str, ...] = _block(
    """
    It passed. It always does, even when I'm sure it won't.
    I'm still here, still sober, and really tired.
    By bedtime it had dropped to maybe a three.
    Another craving I didn't act on. They're adding up.
    I'm proud of that, even if I'm wiped out.
    I'll tell my sponsor about it tomorrow so it isn't a secret.
    """
)

_CRAVING_NONE: tuple[str, ...] = _block(
    """
    No real cravings today. I'll take it.
    Cravings were close to zero today, which still feels like a small miracle.
    Didn't think about using once today until I sat down to write this.
    """
)

# --------------------------------------------------------------------------------------------
# Gratitude, closings, fillers
# --------------------------------------------------------------------------------------------

_GRATITUDE_ITEMS: tuple[str, ...] = _block(
    """
    {friend} called just to check in.
    {name} saved me a seat at the meeting.
    Hot coffee and a quiet kitchen.
    The bus driver waited when he saw me running.
    A full night's sleep.
    {kid} laughing at breakfast.
    Clean sheets.
    Another day sober.
    My sponsor picking up on the first ring.
    Sunshine on the walk home.
    A paycheck that covered the rent.
    Soup from the neighbor.
    Being trusted with the car keys.
    The dog going wild with joy when I got home.
    Rain on the roof while I fell asleep.
    A text from {name} out of nowhere.
    Someone at work asked how I was and waited for the answer.
    My body getting stronger.
    Leftover pizza for lunch.
    The coffee urn at the meeting, somehow always full.
    Remembering all of yesterday.
    Being able to look my mom in the eye.
    A library card and a stack of books.
    A kind cashier at the grocery store.
    The group chat that never sleeps.
    {friend} laughing at my terrible joke.
    A hot shower after a long shift.
    Finding twenty dollars in an old jacket.
    My plants are still alive.
    The walk {walk_place}.
    A good cry, honestly.
    Getting through the day without a single lie.
    {drink} on the back steps.
    Making it to {meeting}.
    A newcomer who came back a second time.
    The smell of bread from the bakery.
    Music in the car.
    A dentist who didn't lecture me.
    My bank balance being boring.
    {kid}'s drawing on the fridge.
    A nap.
    A stranger holding the door.
    My sponsor's patience.
    Waking up without dread.
    The phone list from the group.
    Being on time.
    Quiet.
    Cold water after a walk.
    My neighbor waving from across the street.
    {friend} saying "see you tomorrow" like it was obvious.
    Real food, cooked by me.
    A day with no drama.
    The people who didn't give up on me.
    Another chance.
    Clear eyes in the mirror.
    A warm coat.
    Laughing until my stomach hurt.
    The bus came on time.
    The right song at the right moment.
    The chair by the window.
    Someone remembering my name.
    Being asked for advice.
    An honest conversation with {friend}.
    A second chance from {friend}.
    My own bed.
    {friend} letting me help with dinner.
    The early meeting crowd and their terrible jokes.
    """
)

_GRATITUDE_LEADS: tuple[str, ...] = (
    "Grateful for:",
    "Gratitude list:",
    "Good things today:",
    "A few things I'm thankful for:",
    "Today's list:",
    "Things that helped:",
)

_CLOSINGS: dict[str, tuple[str, ...]] = {
    "low": _block(
        """
        Going to bed. Tomorrow's another shot.
        That's all I've got tonight. I'm still sober, and that's the main thing.
        I'll call my sponsor in the morning. For now, sleep.
        Not a great day, but it's almost over, and I didn't make it worse.
        Tomorrow I'm going to {intention}.
        Writing it down helped a little. Lights out.
        One day at a time. Tonight, one hour at a time.
        I'm going to be gentle with myself tonight and try again tomorrow.
        Tomorrow I'll {intention}. That's the whole plan.
        Still here. That counts for something.
        """
    ),
    "mid": _block(
        """
        Okay. That's today.
        Bed soon. Meeting tomorrow at {meeting_time}.
        Tomorrow I want to {intention}.
        Good enough for today.
        Going to read a little and turn in.
        Another day in the books, a sober one.
        Tomorrow: {intention}. One thing at a time.
        Alright. Lights out.
        """
    ),
    "high": _block(
        """
        Going to bed grateful.
        Good day. Going to remember this one.
        More of this, please.
        Tomorrow I want to {intention} and keep this going.
        Thank you, today.
        I'm going to sleep well tonight, I can tell.
        If future me reads this on a bad day: *this* is possible too.
        Writing this one down so I remember it's real.
        """
    ),
}

_FILLERS: dict[str, tuple[str, ...]] = {
    "low": ("Still here.", "Breathing.", "It's a lot.", "One thing at a time.", "I'm okay-ish."),
    "mid": ("That's about it.", "Fine.", "Nothing else, really.", "Ordinary is fine."),
    "high": ("Good stuff.", "I'll take it.", "Really good.", "Grateful."),
}

# --------------------------------------------------------------------------------------------
# Titles
# --------------------------------------------------------------------------------------------

_TITLES: dict[str, tuple[str, ...]] = {
    "low": _block(
        """
        Rough one
        Heavy day
        Still here
        Hanging on
        Not my best day
        Hard day, sober day
        One hour at a time
        Tired
        Grey
        Foggy
        Short fuse today
        Getting through it
        Low
        Didn't quit
        Bad sleep, long day
        Sitting with it
        """
    ),
    "mid": _block(
        """
        Ordinary day
        Just checking in
        Notes
        Okay
        Middle of the road
        Errands and a meeting
        A regular one
        Mixed bag
        Quiet day
        Nothing big
        Thinking
        Evening notes
        A few things on my mind
        Same as yesterday, mostly
        """
    ),
    "high": _block(
        """
        Good day
        Small wins
        Lighter
        A good one
        Sunshine
        Grateful
        Best day in a while
        Laughed a lot
        Steady
        Feeling like me
        Proud of today
        Worth remembering
        Keep going
        """
    ),
}

_TITLE_STARTS_UP: tuple[str, ...] = (
    "Slow start",
    "Early alarm",
    "Busy day",
    "Long shift",
    "Cold rain",
    "Foggy head",
    "Rough morning",
    "Sore feet",
)
_TITLE_STARTS: tuple[str, ...] = (
    "Rough morning",
    "Slow start",
    "Bad night",
    "Heavy morning",
    "Long shift",
    "Cold rain",
    "Hard call",
    "Early alarm",
    "Tough meeting",
    "Foggy head",
    "Busy day",
)
_TITLE_ENDS: dict[str, tuple[str, ...]] = {
    "low": ("long evening", "tired night", "still sober", "still here", "one more day done"),
    "mid": ("better evening", "okay by dinner", "still sober", "made it through"),
    "high": ("better evening", "warm kitchen", "softer afternoon", "great dinner", "good ending"),
}

_THEME_TITLES: dict[str, tuple[str, ...]] = {
    "trust": ("Keeping my word", "Small promises", "Trust, slowly", "The car keys"),
    "belonging": ("Saved seat", "Part of something", "Not alone", "Among people"),
    "giving back": ("Coffee duty", "Stacking chairs", "Helping out", "Service"),
    "gratitude": ("Three good things", "Thankful", "Gratitude list", "Noticing"),
    "a hard moment": ("Hard moment", "It passed", "Breathing through it", "Rough patch"),
    "meetings": ("After the meeting", "Home group", "Meeting night", "Topic: {meeting_topic}"),
    "family": ("Family dinner", "Bedtime stories", "Calling Mom", "Family stuff"),
    "work": ("Long shift", "Payday", "Work stuff", "Back at work"),
    "health": ("Walked it off", "Doctor's visit", "Body stuff", "Taking care"),
    "cravings": ("Urge surfing", "Rode it out", "The wave", "Noticing the pull"),
    "sleep": ("Finally slept", "Up at night", "Sleep", "Rested"),
    "sponsor": ("Talked to my sponsor", "Step {step}", "Sponsor coffee", "Check-in call"),
}

_PEOPLE_TITLES: tuple[str, ...] = _block(
    """
    Coffee with {friend}
    Call with {friend}
    Dinner at {friend}'s
    {friend}
    Walk with {friend}
    Good talk with {friend}
    Thinking about {friend}
    """
)

_CRAVING_TITLES: tuple[str, ...] = _block(
    """
    Close call
    Rode it out
    Hard night, still sober
    White knuckles
    Didn't pick up
    The urge
    Called for help
    Made the call
    """
)

# --------------------------------------------------------------------------------------------
# Connection notes and commitments
# --------------------------------------------------------------------------------------------

_CONNECTION_NOTES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # kind: (templates that mention {who}, templates that don't)
    "call": (
        _block(
            """
            Called {who} on the walk home. Felt less alone after.
            {who} picked up on the second ring. We talked for {mins} about nothing much.
            Quick call with {who}. They asked the right questions.
            Called {who} to say thanks for last week. They laughed it off, but I meant it.
            Long call with {who}. Mostly I listened, which was good for me.
            Called {who} when the craving hit and stayed on till it passed.
            {who} called me for once. Felt good to be on the other end.
            Checked in with {who}. They're having a hard week, so I just listened.
            Talked to {who} for {mins}. Made plans for coffee.
            """
        ),
        _block(
            """
            Short call, but I made it.
            Called to check in. Felt better after.
            Got voicemail, left a message, got a call back an hour later.
            Phone call on my lunch break. Needed that.
            Talked for {mins}. Lighter afterward.
            """
        ),
    ),
    "text": (
        _block(
            """
            Texted {who} good morning. Got a heart back.
            {who} sent a funny video and I laughed out loud on the bus.
            Back and forth with {who} about {meeting}.
            Sent {who} a quick "thinking of you." They wrote back right away.
            {who} texted to ask how today went. I told the truth.
            Let {who} know I got home safe.
            """
        ),
        _block(
            """
            Quick check-in text. Small, but it counts.
            A few messages back and forth. Kept me out of my head.
            Sent the thank-you text I'd been putting off.
            Group chat was lively tonight.
            """
        ),
    ),
    "in person": (
        _block(
            """
            Coffee with {who} at {cafe}.
            Walked {walk_place} with {who}. Good talk.
            {who} came over for dinner. I cooked {meal}.
            Ran into {who} at the grocery store and we talked in the cereal aisle for {mins}.
            Helped {who} carry boxes up three flights. Pizza after.
            Sat on the porch with {who} until the streetlights came on.
            Lunch with {who}. They picked up the check and wouldn't hear otherwise.
            """
        ),
        _block(
            """
            Lunch with a friend. Felt normal in a good way.
            Coffee after work. Laughed more than I expected.
            Spent the afternoon with family. Mostly good.
            Dinner together at the table, phones away.
            """
        ),
    ),
    "meeting": (
        _block(
            """
            Sat with {who} at {meeting}. Topic was {meeting_topic}.
            Went to {meeting} with {who}. Coffee after.
            {who} shared tonight and it hit home.
            {who} saved me a seat. Topic was {meeting_topic}.
            """
        ),
        _block(
            """
            {meeting}. Topic was {meeting_topic}.
            Shared briefly. Stayed for coffee after.
            Big crowd tonight. I helped with the coffee.
            Just listened tonight. That was enough.
            Good meeting. Someone picked up a one-year chip.
            Didn't want to go. Went. Glad I did.
            Topic was {meeting_topic}. I shared a little.
            """
        ),
    ),
    "online": (
        _block(
            """
            Video meeting with {who} and a few others from the group.
            {who} and I joined the online meeting from our own kitchens.
            Messaged {who} on the forum. Long thoughtful reply by morning.
            """
        ),
        _block(
            """
            Online meeting from my kitchen. Camera off at first, then on.
            Posted in the recovery forum and someone answered within minutes.
            Late-night online meeting. People from three time zones.
            Read the forum for a while and left a reply for someone new.
            Online meeting on my lunch break. Topic was {meeting_topic}.
            """
        ),
    ),
    "service": (
        _block(
            """
            Drove {who} to the meeting.
            Helped {who} set up chairs and make coffee.
            Sat with {who} after the meeting. They're new, and scared.
            Gave {who} my number and told them to use it.
            """
        ),
        _block(
            """
            Made coffee for {meeting}.
            Set up chairs and greeted people at the door.
            Two hours answering the helpline.
            Put away chairs and washed the mugs after.
            Volunteered at the food bank for the morning.
            Read the opening at {meeting}. Voice only shook a little.
            """
        ),
    ),
}
_CONNECTION_GENERIC: tuple[tuple[str, ...], tuple[str, ...]] = (
    _block(
        """
        Caught up with {who}. Good to connect.
        Checked in with {who}. Glad I did.
        """
    ),
    _block(
        """
        Good to connect.
        Reached out instead of isolating.
        Felt less alone afterward.
        """
    ),
)
_WHO_GENERIC: dict[str, tuple[str, ...]] = {
    "call": ("an old friend", "my sister", "my sponsor", "someone from group"),
    "text": ("a friend from group", "my cousin", "my sponsor", "my brother"),
    "in person": ("an old friend", "my neighbor", "my mom", "a friend from group"),
    "meeting": ("a friend from group", "my sponsor", "a newcomer"),
    "online": ("a friend from the forum", "someone from my home group"),
    "service": ("a newcomer", "someone new", "a guy from group"),
}

_COMMITMENTS: tuple[str, ...] = _block(
    """
    Be on time to pick up {p} from school on {day}
    Call {p} every {day} evening, even if it's just for five minutes
    Be on time when I meet {p} for lunch on {day}
    Pay {p} back ${amount} by the end of the month
    Show up to {p}'s {event} on {day}, on time and present
    Tell {p} the truth when they ask how I'm doing
    Return {p}'s {item} by {day}
    Help {p} move boxes on {day} morning
    Not cancel on {p} this week, no matter what
    Text {p} when I get home from meetings so they don't have to wonder
    Go over my bank statement with {p} once a month
    Drive {p} to their appointment on {day}
    Be home by {clock_pm} when {p} is visiting
    Cook dinner for {p} on {day}
    Keep my phone on so {p} can always reach me
    Go to the family session with {p} on {day}
    Put ${amount} toward what I owe {p} every payday
    Do what I said I'd do around the house without {p} having to ask
    Let {p} know ahead of time if I'm going to be late
    Take {p} to breakfast on {day} and listen more than I talk
    Mow {p}'s lawn on {day} like I promised
    Answer {p}'s questions about the past honestly, even the hard ones
    Show up for {p}'s {event} and stay until the end
    Check in with {p} every {day} about how the week went
    """
)


# --------------------------------------------------------------------------------------------
# Composition
# --------------------------------------------------------------------------------------------


def _mood_band(rng: random.Random, mood: int | None) -> str:
    if mood is None:
        roll = rng.random()
        return "low" if roll < 0.2 else ("high" if roll > 0.7 else "mid")
    if mood <= 2:
        return "low"
    if mood >= 4:
        return "high"
    return "mid"


def _craving_band(craving: int | None) -> str:
    if craving is None or craving <= 2:
        return "none"
    if craving <= 6:
        return "some"
    return "high"


def _opener(rng: random.Random, band: str, slots: _Slots) -> str:
    if rng.random() < 0.2:
        return _render(rng.choice(_EVENT_OPENERS[band]), slots)
    lead = _render(rng.choice(_LEADS), slots)
    clause = rng.choice(_CLAUSES[band])
    if "{" in clause:
        clause = clause.format_map(slots)
    joiner = rng.choice(_JOINERS)
    leadin = rng.choice(_CLAUSE_LEADINS)
    if leadin and "honest" in clause:
        leadin = ""
    return f"{lead}{joiner}{leadin}{clause}."


def _gratitude_block(rng: random.Random, slots: _Slots, count: int) -> str:
    lines = [rng.choice(_GRATITUDE_LEADS)]
    seen: set[str] = set()
    while len(seen) < count:
        template = rng.choice(_GRATITUDE_ITEMS)
        if template in seen:
            continue
        seen.add(template)
        lines.append("- " + _render(template, slots))
    return "\n".join(lines)


def _title(rng: random.Random, band: str, cband: str, themes: Sequence[str], slots: _Slots) -> str:
    roll = rng.random()
    if roll < 0.15:
        return ""
    if slots.get("friend") in slots.people and rng.random() < 0.4:
        template = rng.choice(_PEOPLE_TITLES)
    elif cband == "high" and rng.random() < 0.35:
        template = rng.choice(_CRAVING_TITLES)
    elif themes and rng.random() < 0.35:
        template = rng.choice(_THEME_TITLES[rng.choice(themes)])
    elif rng.random() < 0.3:
        starts = _TITLE_STARTS_UP if band == "high" else _TITLE_STARTS
        return f"{rng.choice(starts)}, {rng.choice(_TITLE_ENDS[band])}"
    else:
        template = rng.choice(_TITLES[band])
    return _render(template, slots)


def compose_entry(
    rng: random.Random,
    *,
    mood: int | None,
    craving: int | None,
    themes: Sequence[str] = (),
    people: Sequence[str] = (),
    target_chars: int = 600,
) -> tuple[str, str]:
    """Return (title, body_markdown). Body length close to target_chars (within ~20%), made of
    several paragraphs; mood 1..5 (1 awful .. 5 great) and craving 0..10 colour the wording;
    `themes` picks topics from THEMES; `people` (first names of contacts) may be mentioned by
    name.

    ``None`` for mood means "not recorded" (the tone is drawn at random, mostly middling);
    ``None`` for craving means no craving paragraph. Unknown theme names are ignored; with no
    usable theme, one to three are drawn at random. The body is kept within about 10% of
    ``target_chars`` for targets of roughly 250 characters and up (a very small target still
    gets an opening line and a closing line). The title is "" for about 15% of entries.
    """
    band = _mood_band(rng, mood)
    cband = _craving_band(craving)
    slots = _Slots(rng, people, craving)

    chosen = [t for t in themes if t in _THEME_POOLS]
    if not chosen:
        chosen = rng.sample(THEMES, rng.randint(1, 3))
        if cband == "high" and "cravings" not in chosen and rng.random() < 0.4:
            chosen.append("cravings")
        elif band == "low" and "a hard moment" not in chosen and rng.random() < 0.3:
            chosen.append("a hard moment")
    # Extra themes only pad long entries; the cravings theme is never added as padding.
    extra = [t for t in THEMES if t not in chosen and t != "cravings"]
    rng.shuffle(extra)

    # Plan: a list of paragraphs, each a list of sentence pools (or None for a gratitude list).
    mood_pool = _MOOD[band]
    plan: list[list[tuple[str, ...] | None]] = [[mood_pool] * rng.randint(0, 2)]
    side: list[list[tuple[str, ...] | None]] = []
    if cband == "high":
        para: list[tuple[str, ...] | None] = [_CRAVING_HIGH, _COPING]
        if rng.random() < 0.6:
            para.append(_COPING_TAIL)
        side.append(para)
    elif cband == "some":
        side.append([_CRAVING_SOME, _COPING] if rng.random() < 0.6 else [_CRAVING_SOME])
    elif craving is not None and rng.random() < 0.12:
        side.append([_CRAVING_NONE])
    if band == "low" and rng.random() < 0.65:
        side.append([_REACH_OUT])
    elif band == "high" and rng.random() < 0.55:
        side.append([_CONNECT])
    gratitude_odds = {"low": 0.06, "mid": 0.14, "high": 0.3}[band]
    if rng.random() < gratitude_odds:
        side.append([None])

    theme_paras = [
        [_CRAVING_THEME_POOLS[cband] if theme == "cravings" else _THEME_POOLS[theme][band]]
        * rng.randint(2, 4)
        for theme in chosen + extra
    ]
    urgent = cband == "high" or (bool(side) and rng.random() < 0.5)
    if urgent and side:
        plan.append(side.pop(0))
    plan.append(theme_paras.pop(0))
    for para in side:
        plan.insert(rng.randint(2, len(plan)), para)
    plan.extend(theme_paras)
    plan.append([mood_pool] * 3)
    for _ in range(target_chars // 2500):  # very long entries revisit the themes
        plan.extend([_THEME_POOLS[t][band]] * 4 for t in extra)

    closing = _render(rng.choice(_CLOSINGS[band]), slots)
    goal = target_chars * 0.93 - len(closing) - 2
    ceiling = target_chars * 1.08 - len(closing) - 2

    opener = _opener(rng, band, slots)
    paragraphs: list[list[str]] = [[opener]]
    total = len(opener)
    used: set[str] = set()
    mentioned: list[str] = []
    for index, para in enumerate(plan):
        if total >= goal:
            break
        current = paragraphs[0] if index == 0 else []
        for pool in para:
            if total >= goal:
                break
            sep = 1 if current else 2
            if pool is None:
                text = _gratitude_block(rng, slots, rng.randint(2, 4))
                if total + sep + len(text) > ceiling:
                    continue
                current.append(text)
                total += sep + len(text)
                break
            for _ in range(4):
                template = rng.choice(pool)
                if template in used:
                    continue
                text = _render(template, slots)
                if total + sep + len(text) <= ceiling:
                    used.add(template)
                    current.append(text)
                    total += sep + len(text)
                    theme = _POOL_THEME.get(id(pool))
                    if theme is not None and theme not in mentioned:
                        mentioned.append(theme)
                    break
        if current and index:
            paragraphs.append(current)

    fillers = _FILLERS[band]
    for _ in range(6):
        if total >= goal:
            break
        text = rng.choice(fillers)
        if text in used or total + 1 + len(text) > ceiling:
            continue
        used.add(text)
        if paragraphs[-1][-1].startswith(_GRATITUDE_LEADS):
            paragraphs.append([text])
        else:
            paragraphs[-1].append(text)
        total += 1 + len(text)

    if (
        len(paragraphs) > 1
        and rng.random() < 0.5
        and not paragraphs[-1][-1].startswith(_GRATITUDE_LEADS)
    ):
        paragraphs[-1].append(closing)
    else:
        paragraphs.append([closing])

    body = "\n\n".join(" ".join(p) for p in paragraphs)
    return _title(rng, band, cband, mentioned, slots), body


def compose_gratitude(rng: random.Random) -> str:
    """One short gratitude line, e.g. "My sister called just to check in."."""
    return _render(rng.choice(_GRATITUDE_ITEMS), _Slots(rng, (), None))


def compose_intention(rng: random.Random) -> str:
    """A "today I will..." line without the prefix, e.g. "Call my sponsor before lunch"."""
    first = rng.choice(_INTENTIONS)
    if rng.random() < 0.2:
        second = rng.choice(_INTENTIONS)
        if second != first:
            first = f"{first} and {second}"
    return first[0].upper() + first[1:]


def compose_connection_note(rng: random.Random, *, kind: str, person: str | None) -> str:
    """A short note for a logged connection (call, text, in person, meeting, online,
    service). ``person`` is mentioned by name when given."""
    key = kind.strip().lower().replace("-", " ")
    with_who, without_who = _CONNECTION_NOTES.get(key, _CONNECTION_GENERIC)
    slots = _Slots(rng, (), None)
    if person:
        slots["who"] = person
        pool = with_who if rng.random() < 0.75 else without_who
    else:
        slots["who"] = rng.choice(_WHO_GENERIC.get(key, ("a friend",)))
        pool = without_who if rng.random() < 0.7 else with_who
    return _render(rng.choice(pool), slots)


def compose_commitment(rng: random.Random, person: str) -> str:
    """A promise made to rebuild trust, e.g. "Be on time to pick up Maya from school on
    Friday"."""
    slots = _Slots(rng, (), None)
    slots["p"] = person
    return _render(rng.choice(_COMMITMENTS), slots)
