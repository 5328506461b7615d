"""Ukrainian: recognition words (place kinds, abbreviations, prepositions, titles) and event
words, gathered into :data:`UKRAINIAN`. Lemmas come from pymorphy3's Ukrainian dictionary."""

from __future__ import annotations

from ._slavic import slavic_language, triggers, word_set

__all__ = ["UKRAINIAN"]

#: Lemmas and abbreviations naming a kind of place -> the feature class they imply.
PLACE_KINDS = {
    "область": "admin1", "обл": "admin1", "край": "admin1", "республіка": "admin1",
    "район": "admin2", "р-н": "admin2", "громада": "admin2", "округ": "admin2",
    "місто": "populated_place", "м": "populated_place", "село": "populated_place",
    "с": "populated_place", "селище": "populated_place", "смт": "populated_place",
    "сел": "populated_place", "с-ще": "populated_place", "хутір": "populated_place",
    "країна": "country", "держава": "country",
}
#: Words that introduce a named street, square, river or island (lemmas and abbreviations).
LANDMARK_WORDS = word_set(
    "вулиця вул провулок пров проспект просп площа пл майдан бульвар бульв б-р шосе "
    "набережна узвіз річка ріка озеро острів півострів затока гора парк сквер канал "
    "водосховище"
)
#: Titles before a person's name (see the "titles" word class).
TITLES = ("президент", "міністр", "прем'єр-міністр", "генерал", "полковник", "майор",
          "мер", "голова", "губернатор", "речник", "речниця", "командувач", "депутат",
          "посол", "директор", "суддя", "прокурор", "пан", "пані", "генсек", "очільник",
          "очільниця", "керівник", "керівниця", "лідер", "патріарх", "митрополит")
#: Named word classes of recognition: the abbreviations of kind words, written with a dot
#: ("вул.", "м."; a full word before a dot ends a sentence); the head nouns of institutions
#: whose name ends in a place in the genitive ("Кабінет Міністрів України", "суд Одеської
#: області", "МВС України": the place is part of the organisation's name); the words before
#: the person a thing is named after ("імені Франка").
WORD_CLASSES = {
    "kind_abbreviations": word_set("вул пров просп пл бульв б-р м с сел с-ще смт обл р-н"),
    "organisation_heads": word_set(
        "рада кабінет міністр міністерство прокуратура суд служба банк академія "
        "університет інститут комітет комісія агентство інспекція управління департамент "
        "поліція гвардія штаб посольство консульство парламент фонд партія асоціація спілка "
        "адміністрація омбудсман уповноважений казначейство митниця бюро палата "
        "закон кодекс конституція указ "
        # state symbols, titles and registers named for the country ("Державний Герб
        # України", "Герой України", "Книга рекордів України")
        "герб гімн прапор герой книга "
        # ministries by their short names ("Міноборони України")
        "міноборони мін'юст мінфін моз мзс мвс сбу генштаб"),
    # ... or after one of these, when it follows such a head or is capitalised ("Міністерство
    # оборони України", "Збройних Сил України"; not "оборона Куп'янська")
    # acronyms of common nouns, not institutions: a place after one is no part of a
    # name ("ЗМІ Судану": the media of Sudan; "МВС України" is an institution's name)
    "common_acronyms": word_set("змі бпла ппо рсзв зрк впо"),
    # institutions named by a common noun, capitalised (the Supreme Command's Stavka,
    # "прибув у Ставку"): reached through its lemma, no village that bears it as an alternate name
    "institution_nouns": word_set("ставка"),
    # prepositions that take a companion in the instrumental ("з Марією"): a given
    # name after one is the person
    "companion_prepositions": word_set("з із зі"),
    "organisation_complements": word_set("сила оборона безпека справа наука"),
    # titles before a person's name, which agrees with the title in case ("мер Садовий",
    # "мера Садового"); a place after a title is in the genitive ("мер Львова"): the
    # geoparser's English rule (any capitalised word after a title is a person's) would
    # take it for a person, so the Cyrillic recogniser applies these itself
    "titles": frozenset(TITLES),
    "named_after": word_set("імені ім"),
    # a front sector named by a town's adjective ("на Покровському напрямку"): the town
    # (geomap.geoparse._cyrillic_axes)
    "axis_words": word_set("напрямок"),
    # a community named by its centre's adjective ("Нікопольська громада", "... ТГ"): the
    # centre town (geomap.geoparse._cyrillic_names)
    "community_words": word_set("громада"),
    # features and landmarks an adjective names ("Північне море", "Високий замок")
    "feature_words": word_set(
        "море ліс гай пуща степ долина балка хребет перевал замок фортеця палац собор "
        "монастир лавра вокзал аеропорт порт міст стадіон мікрорайон масив урочище "
        "заповідник родовище водоспад лиман коса бухта протока острови гори цвинтар "
        "кладовище передмістя пустеля плато нагір'я височина низовина океан",
        # divisions, most of them historical: an adjective naming one is a place though
        # the gazetteer has none ("Полтавської губернії", "Руському королівстві", a raion
        # before the 2020 reform)
        "район округ губернія повіт волость воєводство князівство "
        "королівство імперія ханство"),
    # first letters the case forms of kind, feature and institution words take beyond their
    # lemma's (міст/мосту, село/сіл, гора/гір): the recogniser's cheap filter before the
    # dictionary (listed from pymorphy3's lexemes)
    "kind_stems": word_set("гаю гая гає гаї гір кіс мос ріц сіл"),
    # the dictionary files these names as common nouns (see geomap.lang._morph.COMMON)
    "proper_nouns": word_set("україна європа америка"),
    # casualty counts (geomap.events.extract._counts), lemmas: "загинули" -> загинути
    "casualty_killed": word_set("загинути загиблий вбити убити вбитий убитий мертвий "
                                "загибель смерть померти"),
    "casualty_wounded": word_set("поранити поранений поранення травмувати травмований "
                                 "постраждати постраждалий госпіталізувати "
                                 "госпіталізований"),
    # free word order: the victims may follow any of them ("загинули двоє людей")
    "casualty_active": word_set("загинути вбити убити померти поранити травмувати "
                                "постраждати госпіталізувати"),
    "casualty_civilian": word_set("цивільний мирний житель мешканець людина люди "
                                  "дитина жінка чоловік пенсіонер пенсіонерка підліток "
                                  "хлопчик дівчинка волонтер лікар журналіст перехожий "
                                  "працівник"),
    "casualty_person": word_set("людина військовий військовослужбовець солдат боєць "
                                "поліцейський рятувальник"),
    "count_at_least": word_set("щонайменше принаймні понад більше ніж менше близько "
                               "майже приблизно до"),
    "count_vague": word_set("кілька декілька багато десятки сотні тисячі чимало"),
    "count_units": word_set("година день доба тиждень місяць рік хвилина км кілометр "
                            "метр відсоток раз снаряд ракета дрон безпілотник будинок "
                            "село населений атака удар танк гривня долар тонна"),
    "count_stop": word_set("в у на біля після під через внаслідок від з із коли що "
                           "який але або бо за під час"),
    "count_and": word_set("і й та"),
    # weapons, lemmas: a launch verb with one of them is an attack (see TRIGGERS)
    "weapons": word_set("ракета дрон безпілотник бпла шахед герань бомба авіабомба каб "
                        "снаряд міна артилерія боєприпас іскандер калібр кинджал"),
    # capture, lemmas: a verb of "capture_verbs" with a word of "capture_objects" in the
    # three words after it is an attack ("звільнили село X", "взяли під контроль"), not "звільнили з
    # полону" (see geomap.events.extract._slavic)
    "capture_verbs": word_set("звільнити звільняти взяти брати зайняти займати"),
    "capture_objects": word_set("село селище місто пункт хутір контроль територія позиція"),
    # one victim, as written (no article says "a"): "загинула жінка", "погиб мужчина"
    "casualty_single": word_set("жінка чоловік дитина людина військовий "
                                 "військовослужбовець цивільний мешканець житель "
                                 "пенсіонер пенсіонерка підліток хлопчик дівчинка "
                                 "волонтер лікар водій рятувальник поліцейський "
                                 "жінку чоловіка дитину людину військового мешканця "
                                 "пенсіонерку підлітка хлопчика дівчинку водія"),
    # after a comma, these turn a sentence to another event ("..., а у Львові відбувся
    # мітинг"): each event takes its own clause's place and actors
    "clause_contrast": word_set("а але однак проте зате натомість тоді"),
    # a weekday dates an event after one of these ("у неділю", "в ніч на неділю", "у ніч
    # проти неділі") or after "last" ("минулої неділі", "у минулу неділю"), as written
    "weekday_before": word_set("в у на проти"),
    "weekday_last": word_set("минулий минула минуле минулу минулої минулого"),
}
#: Number words (lemmas) -> value; the collective numerals ("двоє", "п'ятеро") count people.
NUMBERS = {
    **{w: i + 1 for i, ws in enumerate((
        "один одна одне", "два дві двоє", "три троє", "чотири четверо", "п'ять п'ятеро",
        "шість шестеро", "сім семеро", "вісім восьмеро", "дев'ять дев'ятеро",
        "десять десятеро", "одинадцять", "дванадцять", "тринадцять", "чотирнадцять",
        "п'ятнадцять", "шістнадцять", "сімнадцять", "вісімнадцять", "дев'ятнадцять",
        "двадцять")) for w in ws.split()},
    "тридцять": 30, "сорок": 40, "п'ятдесят": 50, "сто": 100,
}
#: Abbreviations of place names -> the full name the gazetteer knows.
NAME_ABBREVIATIONS = {
    "РФ": "Російська Федерація",
    "ФРН": "Німеччина",
    "КНДР": "Північна Корея",
    "КНР": "Китай",
    "ОАЕ": "Об'єднані Арабські Емірати",
    "ПАР": "Південно-Африканська Республіка",
    "Штати": "США",
    # the self-proclaimed "republics" in occupied Donbas: as places, their oblasts
    "ДНР": "Донецька область",
    "ЛНР": "Луганська область",
    "ОРДЛО": "Донбас",
    # Soviet names: the Ukrainian and Russian SSRs are the countries' territory
    "УРСР": "Україна",
    "УСРР": "Україна",
    "РРФСР": "Росія",
    "РСФРР": "Росія",
    "СРСР": "Радянський Союз",
}
#: Prepositions by role.
PREPOSITIONS = {
    "location": frozenset({"в", "у", "на", "біля", "поблизу", "під", "коло", "поруч",
                           "неподалік", "поза", "між", "навколо", "довкола"}),
    "destination": frozenset({"до", "в", "у", "на", "через"}),
    "origin": frozenset({"з", "із", "зі", "від"}),
}
VICINITY = ("біля", "поблизу", "неподалік від", "неподалік", "на околиці", "на околицях",
            "під", "поруч з", "північніше", "південніше", "східніше", "західніше",
            "на північ від", "на південь від", "на схід від", "на захід від", "за км від")

#: Trigger lemmas (pymorphy3 normal forms) -> event type (see geomap.events.taxonomy).
TRIGGERS = {
    **triggers({
        "assault": "обстріл обстрілювати обстріляти удар ударити атака атакувати бій бої "
                   "битва наступ наступати вибух вибухнути штурм штурмувати бомбардування "
                   "бомбардувати збити збивати знищити знищувати поранити вбити загинути "
                   "захопити захоплювати окупація окупувати обстрілятися влучання влучити "
                   "ураження уразити підірвати теракт",
        "retreat": "евакуація евакуювати відступ відступити відійти",
        "consult": "переговори зустріч зустрітися візит відвідати",
        "protest": "мітинг протест протестувати демонстрація",
        "sanction": "санкція санкції",
        "coerce": "затримати арешт заарештувати затримання",
        "aid": "допомога постачання передати",
        "agree": "угода домовитися перемир'я",
    }),
    # launching and dropping are attacks only with a weapon in the sentence ("Ракету по
    # Одесі запустили ...", not "запустили програму"): the "weapons" word class
    **triggers({"assault": "запустити запускати запуск випустити випускати скинути скидати "
                           "застосувати застосовувати прилетіти прилітати приліт"},
               military=True),
    **triggers({"statement": "заявити заява повідомити"}, say=True),
}
MONTHS = {m: i + 1 for i, ms in enumerate((
    "січень січня", "лютий лютого", "березень березня", "квітень квітня", "травень травня",
    "червень червня", "липень липня", "серпень серпня", "вересень вересня",
    "жовтень жовтня", "листопад листопада", "грудень грудня")) for m in ms.split()}
#: Weekday names (nominative, accusative "у неділю", genitive "минулої неділі", "у ніч проти
#: неділі") -> 0 (Monday) .. 6.
WEEKDAYS = {w: i for i, ws in enumerate((
    "понеділок понеділка", "вівторок вівторка", "середа середу середи", "четвер четверга",
    "п'ятниця п'ятницю п'ятниці", "субота суботу суботи", "неділя неділю неділі"))
    for w in ws.split()}
RELATIVE_DAYS = {
    "позавчора": ("day", -2), "вчора": ("day", -1), "учора": ("day", -1),
    "минулої ночі": ("day", -1), "сьогодні": ("day", 0), "цієї ночі": ("day", 0),
    "вночі": ("day", 0), "уночі": ("day", 0), "зранку": ("day", 0), "вранці": ("day", 0),
    "минулого тижня": ("week", -1), "цього тижня": ("week", 0),
    "минулого місяця": ("month", -1), "цього місяця": ("month", 0),
    "минулого року": ("year", -1), "цього року": ("year", 0),
}
#: Actor words and their country (the words of Ukrainian war reporting).
ACTORS = {
    "зсу": "UA", "збройні сили україни": "UA", "сили оборони": "UA", "українські військові":
    "UA", "окупанти": "RU", "окупант": "RU", "рашисти": "RU", "ворог": "RU",
    "російські війська": "RU", "російські військові": "RU", "армія рф": "RU", "зс рф": "RU",
    "росіяни": "RU",
}
ORGANISATIONS = {
    "НАТО": ("NATO", None), "ООН": ("United Nations", None), "ЄС": ("European Union", None),
    "МАГАТЕ": ("IAEA", None), "ОБСЄ": ("OSCE", None), "Червоний Хрест": ("ICRC", None),
    "Кремль": ("Russia", "RU"), "Пентагон": ("United States", "US"),
    "Білий дім": ("United States", "US"), "СБУ": ("Ukraine", "UA"), "ГУР": ("Ukraine", "UA"),
    "ЗСУ": ("Ukraine", "UA"), "Генштаб": ("Ukraine", "UA"),
}

UKRAINIAN = slavic_language(
    "uk", "Ukrainian",
    place_kinds=PLACE_KINDS,
    landmark_words=LANDMARK_WORDS,
    name_abbreviations=NAME_ABBREVIATIONS,
    prepositions=PREPOSITIONS,
    vicinity=VICINITY,
    triggers=TRIGGERS,
    months=MONTHS,
    weekdays=WEEKDAYS,
    relative_days=RELATIVE_DAYS,
    numbers=NUMBERS,
    demonyms=ACTORS,
    organisations=ORGANISATIONS,
    word_classes=WORD_CLASSES,
)
