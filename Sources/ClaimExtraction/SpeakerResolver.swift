/// Resolves "he" and "she" speakers ("“…,” she said") to the person a careful reader takes them for.
///
/// The extractor shows it every sentence of an article in order (``observe(_:)``). It keeps the people
/// named outside quotation marks (capitalised name runs, "Mr Sarkozy", "actress Okonedo"), one entity per
/// surname with the fullest form the article uses and a sex when the article tells it (a title, a known
/// first name, "the daughter of", a later "his"/"her" about them). A pronoun is resolved as Hobbs'
/// search does: the previous sentence first, its people left to right (its subject before the rest), then
/// the sentence before; a person of the pronoun's sex wins over one whose sex is unknown. A sentence's own
/// "he"/"she" outside quotation marks counts as a mention of its referent, so a chain ("But she is
/// confident. “…,” she said") keeps to one person. Linear in tokens; names only are turned into strings.
struct SpeakerResolver {
    enum Sex: UInt8 { case unknown, male, female }

    private struct Entity {
        var name: String
        var nameWords: Int
        var sex: Sex
        /// Named with two or more words or a title: surely a person or body, not a stray capital.
        var strong: Bool
        /// The lower-cased first name, when the article gave one: "Sylvester Stallone" is not "Jackie Stallone".
        var firstName: String? = nil
    }

    private var entities: [Entity] = []
    private var bySurname: [String: Int] = [:]
    /// Entity indices mentioned in each recent sentence, left to right; the last is the latest sentence.
    private var recent: [[Int]] = []
    private var inQuote = false
    /// A described speaker of the sentence being read ("A spokesman for the UK Film Council said: …").
    private var describedSpeaker: Int?
    private static let window = 6

    /// The fullest name of the person `pronoun` ("he", "she") refers to at the start of the next sentence;
    /// nil when no one fits.
    ///
    /// A quote that speaks of a third person of the same sex ("I think he will be suspended") without
    /// naming anyone, in a sentence that names no one outside the quote, is about the first candidate:
    /// its speaker is the next one ("Mutu was sacked … a move Wenger has backed. But he said: “…he…”").
    mutating func antecedent(of pronoun: String, quote: String? = nil, in sentence: Sentence? = nil) -> String? {
        guard let sex = Self.sex(ofPronoun: pronoun) else { return nil }
        var skip = 0
        if let quote, Self.speaksOfThirdPerson(sex, in: quote), !Self.namesSomeone(quote),
            sentence.map({ !namesSomeoneOutsideQuotes($0) }) ?? true
        {
            skip = 1
        }
        guard let entity = find(sex, in: recent[...], skip: skip) else { return nil }
        return entities[entity].name
    }

    /// Notes a quote's speaker that is a description of a person ("a spokesman for the council", "the
    /// official"), not a name: a later "he added" may refer to it.
    mutating func noteSpeaker(_ speaker: String) {
        guard describedSpeaker == nil, !QuoteRecognizer.isPerson(speaker),
            let article = QuoteRecognizer.words(of: speaker).first?.lowercased(), Self.articles.contains(article)
        else { return }
        var sex = Sex.unknown
        var isPerson = false
        for word in QuoteRecognizer.words(of: speaker) {
            let lower = word.lowercased()
            if Self.maleRoles.contains(lower) { sex = .male } else if Self.femaleRoles.contains(lower) { sex = .female }
            if sex != .unknown || Self.personRoles.contains(lower) || Self.describedPeople.contains(lower) {
                isPerson = true
            }
        }
        guard isPerson else { return }
        entities.append(Entity(name: speaker, nameWords: 1, sex: sex, strong: true))
        describedSpeaker = entities.count - 1
    }

    /// Reads a sentence's people and pronouns, after its claims were resolved.
    mutating func observe(_ sentence: Sentence) {
        var mentions: [Int] = []
        defer {
            // After the sentence's names: "The Turkish economics minister, Ali Babacan, said" is Mr Babacan.
            if let described = describedSpeaker {
                if recent.isEmpty { recent.append([]) }
                recent[recent.count - 1].append(described)
                describedSpeaker = nil
            }
        }
        var loneSubject: Int? = nil
        let scalars = sentence.body.scalars
        // A new paragraph closes any quotation (a quote running on opens again with a new mark).
        if sentence.span.start > 0 && scalars[sentence.span.start - 1] == "\n" { inQuote = false }
        var index = 0
        while index < sentence.count {
            let token = sentence[index]
            if token.kind == .punct {
                let mark = token.first
                if mark == "\u{201C}" {
                    inQuote = true
                } else if mark == "\u{201D}" {
                    inQuote = false
                } else if mark == "\"" {
                    // A straight mark opens after a space or at the start, and closes after a word.
                    let before = token.start > 0 ? scalars[token.start - 1] : " "
                    inQuote =
                        before == " " || before == "\n" || before == "(" || before == "\t"
                        || token.start == sentence.span.start
                }
                index += 1
                continue
            }
            if inQuote || token.kind != .word {
                index += 1
                continue
            }
            if let sex = Self.sex(ofPronoun: token) {
                // "Tait himself, …", "Hewitt said he …": a lone first word is the pronoun's person.
                if mentions.isEmpty, let lone = loneSubject, Self.subjectPronouns.contains(token),
                    index == lone + 1 || sentence.isFiniteVerb(lone + 1)
                        || sentence.lower(lone + 1, isIn: QuoteRecognizer.reportVerbs)
                {
                    mentions.append(person(named: sentence[lone], sex: sex))
                    loneSubject = nil
                }
                pronoun(sex, mentions: &mentions)
                index += 1
                continue
            }
            guard token.isCapitalized else {
                index += 1
                continue
            }
            var end = index
            while end + 1 < sentence.count && !sentence[end].isPossessive {
                let next = sentence[end + 1]
                if next.kind == .word && next.isCapitalized {
                    end += 1
                } else if next.isPunct(".") && Self.titles.contains(sentence[end]) && end + 2 < sentence.count
                    && sentence[end + 2].isCapitalized
                {
                    end += 2  // "Mr. Obama"
                } else {
                    break
                }
            }
            // "Barbarians coach Bob Dwyer", "Beach Boys veteran Brian Wilson": a name before a role and a
            // name is the person's team or band.
            let modifier =
                end + 2 < sentence.count
                && (Self.personRoles.contains(sentence[end + 1]) || Self.roleSex(sentence[end + 1]) != nil)
                && sentence[end + 2].isCapitalized
            // "Aston Villa's Thomas Hitzlsperger": the owner of a name is the person's club or company.
            let owner =
                sentence[end].isPossessive && end + 1 < sentence.count && sentence[end + 1].isCapitalized
                && sentence[end + 1].kind == .word
            if modifier || owner {
                index = end + 1
                continue
            }
            if let entity = name(index, end, in: sentence) {
                if !mentions.contains(entity) { mentions.append(entity) }
            } else if index == 0 && end == 0 && !Self.leadingWords.contains(token) && !token.isPossessive {
                loneSubject = 0
            }
            index = end + 1
        }
        recent.append(mentions)
        if recent.count > Self.window { recent.removeFirst() }
    }

    // MARK: Private

    /// A "he"/"she" outside quotes: its referent (an earlier person of the sentence, else the search back)
    /// is a mention; a person just named whose sex was unknown takes the pronoun's.
    private mutating func pronoun(_ sex: Sex, mentions: inout [Int]) {
        if mentions.count == 1, let last = mentions.last, entities[last].sex == .unknown {
            entities[last].sex = sex
            entities[last].strong = true
            return
        }
        if mentions.contains(where: { entities[$0].sex == sex }) { return }
        if let entity = find(sex, in: recent[...]) { mentions.append(entity) }
    }

    /// The referent of a pronoun of `sex`: candidates sentence by sentence back from the latest, in each
    /// those of that sex left to right, then those of unknown sex; the `skip`+1-th (or the last there is).
    private mutating func find(_ sex: Sex, in sentences: ArraySlice<[Int]>, skip: Int = 0) -> Int? {
        var found: [Int] = []
        for mentions in sentences.reversed() {
            // The sentence's subject first when it may be of that sex ("Morgan Freeman beat … Clive Owen").
            if let subject = mentions.first, entities[subject].sex == .unknown, entities[subject].strong,
                !found.contains(subject)
            {
                found.append(subject)
            }
            for entity in mentions where entities[entity].sex == sex && !found.contains(entity) {
                found.append(entity)
            }
            for entity in mentions
            where entities[entity].sex == .unknown && entities[entity].strong && !found.contains(entity) {
                found.append(entity)
            }
            if found.count > skip { break }
        }
        if found.isEmpty {
            // No one of that sex or a full name: a one-word name ("But Parry, speaking to BBC Sport, …").
            for mentions in sentences.reversed().prefix(2) {
                // Only a sentence's subject: "met in Leeds" names a place.
                if let weak = mentions.first, entities[weak].sex == .unknown {
                    found.append(weak)
                    break
                }
            }
        }
        guard let entity = found.count > skip ? found[skip] : found.first else { return nil }
        if entities[entity].sex == .unknown { entities[entity].sex = sex }
        return entity
    }

    /// Whether `quote` has a "he"/"him"/"his" (or "she"/"her") of `sex`.
    static func speaksOfThirdPerson(_ sex: Sex, in quote: String) -> Bool {
        // Words of ASCII letters, lower-cased into a few bytes: no strings per word.
        let words: [[UInt8]] =
            sex == .male
            ? [Array("he".utf8), Array("him".utf8), Array("his".utf8), Array("himself".utf8)]
            : [Array("she".utf8), Array("her".utf8), Array("hers".utf8), Array("herself".utf8)]
        var word: [UInt8] = []
        word.reserveCapacity(8)
        var tooLong = false
        for byte in quote.utf8 {
            let lower = byte >= 65 && byte <= 90 ? byte + 32 : byte
            if lower >= 97 && lower <= 122 {
                if word.count < 8 { word.append(lower) } else { tooLong = true }
                continue
            }
            if !tooLong && words.contains(word) { return true }
            word.removeAll(keepingCapacity: true)
            tooLong = false
        }
        return !tooLong && words.contains(word)
    }

    /// Whether `quote` holds a capitalised word other than its first, "I" or a sentence's first word.
    static func namesSomeone(_ quote: String) -> Bool {
        var afterStop = true
        for word in quote.split(separator: " ") {
            let letters = word.drop(while: { !$0.isLetter })
            if let first = letters.first, first.isUppercase, !afterStop,
                !(letters == "I" || letters.hasPrefix("I'")
                    || letters.hasPrefix("I\u{2019}"))
            {
                return true
            }
            afterStop = word.last.map { $0 == "." || $0 == "?" || $0 == "!" || $0 == ":" } ?? false
        }
        return false
    }

    /// Whether `sentence` has, outside quotation marks, a capitalised word past its first that could name
    /// someone ("Of Hepburn, she said: …").
    func namesSomeoneOutsideQuotes(_ sentence: Sentence) -> Bool {
        var quoted = inQuote
        for index in 0..<sentence.count {
            let token = sentence[index]
            if token.kind == .punct {
                if token.first == "\u{201C}" {
                    quoted = true
                } else if token.first == "\u{201D}" {
                    quoted = false
                } else if token.first == "\"" {
                    quoted.toggle()
                }
                continue
            }
            if !quoted && index > 0 && token.isCapitalized && !Self.leadingWords.contains(token)
                && Self.sex(ofPronoun: token) == nil
            {
                return true
            }
        }
        return false
    }

    /// The entity a capitalised run `first...last` names, created or updated; nil for a run that names no
    /// person ("The", "BBC", "Transport & General Worker's Union").
    private mutating func name(_ first: Int, _ last: Int, in sentence: Sentence) -> Int? {
        var start = first
        var titled = false
        while start <= last && Self.leadingWords.contains(sentence[start]) {
            // "Dr Vancheshwar", "Professor Jones": a title that tells no sex.
            if Self.neutralTitles.contains(sentence[start]) { titled = true }
            start += 1
        }
        guard start <= last else { return nil }
        guard last - start < 6 else { return nil }
        // The run's word positions, on the stack: no array per capitalised run.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 6) { buffer -> Int? in
            var count = 0
            for position in start...last where sentence[position].kind == .word {
                buffer[count] = position
                count += 1
            }
            return named(UnsafeBufferPointer(rebasing: buffer[..<count]), first, last, titled: titled, in: sentence)
        }
    }

    /// ``name(_:_:in:)`` on the run's word positions `words`.
    private mutating func named(
        _ words: UnsafeBufferPointer<Int>, _ first: Int, _ last: Int, titled: Bool, in sentence: Sentence
    ) -> Int? {
        var titled = titled
        guard let lastWord = words.last else { return nil }
        // An all-capitals word ("BBC", "PPI") is an acronym, not a surname.
        var surnameToken = sentence[lastWord]
        if words.count >= 2 && Self.nameSuffixes.contains(surnameToken) {
            surnameToken = sentence[words[words.count - 2]]  // "Bruce L Castor Jr"
        }
        let surname = Self.stripPossessive(surnameToken.lower)
        guard surname.count > 1, surnameToken.text.unicodeScalars.contains(where: { Scalars.isLower($0) }) else {
            return nil
        }
        var sex = Sex.unknown
        var nameStart = words[0]
        var firstName: String? = nil
        for (offset, position) in words.dropLast().enumerated() {
            let token = sentence[position]
            if Self.maleTitles.contains(token) {
                sex = .male
                titled = true
                nameStart = position
            } else if Self.femaleTitles.contains(token) {
                sex = .female
                titled = true
                nameStart = position
            } else if firstName == nil, let known = Self.firstNameSex(token) {
                if sex == .unknown { sex = known }
                nameStart = position  // "Mr John Carter" is John Carter
                firstName = token.lower
            } else if offset == 0 && Self.roles.contains(token) {
                nameStart = words[min(offset + 1, words.count - 1)]
            }
        }
        // A body's words, in the name itself ("US Treasury Secretary John Snow" names Mr Snow).
        guard let nameIndex = words.firstIndex(of: nameStart),
            !words[nameIndex...].contains(where: {
                Self.organisationWords.contains(sentence[$0])
                    || QuoteRecognizer.organisationWords.contains(sentence[$0])
            })
        else { return nil }
        if sex == .unknown, words.count == 1, let known = Self.firstNameSex(surnameToken), bySurname[surname] == nil {
            sex = known
        }
        if sex == .unknown { sex = Self.describedSex(before: first, after: last, in: sentence) }
        if sex == .unknown && (surname.hasSuffix("ova") || surname.hasSuffix("eva")) && surname.count > 5 {
            sex = .female
        }
        // "the Wooden Spoon", "the Athens Games": a person is seldom named after an article.
        if sex == .unknown && !titled && first > 0 && Self.articles.contains(sentence[first - 1]) { return nil }
        let nameWords = max(1, words.count - nameIndex)
        // After "a spokesman for", "an economist at", "the head of" an unknown name is likely a body.
        let afterPreposition = first > 0 && Self.bodyPrepositions.contains(sentence[first - 1])
        // "manager O'Neill", "agent Brian Hassell": a role before a name marks a person.
        let afterRole =
            first > 0 && (Self.personRoles.contains(sentence[first - 1]) || Self.roleSex(sentence[first - 1]) != nil)
        let strong = (nameWords >= 2 && !afterPreposition) || titled || afterRole
        if !titled && firstName == nil && nameWords >= 2 { firstName = sentence[nameStart].lower }
        // A known surname with another first name is another person (a relative, a namesake).
        if let known = bySurname[surname],
            firstName == nil || entities[known].firstName == nil || entities[known].firstName == firstName
        {
            if entities[known].sex == .unknown { entities[known].sex = sex }
            if entities[known].firstName == nil { entities[known].firstName = firstName }
            // The fullest form: more words, and a known first name over a headline's capital ("Mogul Wilson").
            let quality = nameWords + (Self.firstNameSex(sentence[nameStart]) != nil ? 1 : 0)
            let knownQuality =
                entities[known].nameWords
                + (entities[known].firstName.map { Self.firstNameSex(lower: $0) != nil } == true ? 1 : 0)
            if quality > knownQuality && !titled {
                entities[known].name = Self.stripPossessive(sentence.text(nameStart, lastWord))
                entities[known].nameWords = nameWords
            }
            entities[known].strong = entities[known].strong || strong
            return known
        }
        // A lone capitalised word at a sentence's start, neither a known name nor a first name, is
        // likely not a person ("Backstage", "France").
        if nameWords == 1 && !titled && sex == .unknown && words[0] == 0 { return nil }
        entities.append(
            Entity(
                name: Self.stripPossessive(sentence.text(nameStart, lastWord)),
                nameWords: titled ? 1 : nameWords, sex: sex, strong: strong || sex != .unknown, firstName: firstName))
        bySurname[surname] = entities.count - 1
        return entities.count - 1
    }

    /// The entity for a one-word name a pronoun has just shown to be a person.
    private mutating func person(named token: Token, sex: Sex) -> Int {
        let surname = Self.stripPossessive(token.lower)
        if let known = bySurname[surname] { return known }
        entities.append(Entity(name: Self.stripPossessive(token.text), nameWords: 1, sex: sex, strong: true))
        bySurname[surname] = entities.count - 1
        return entities.count - 1
    }

    /// The sex a role noun beside a name gives it: "actress Okonedo", "Attallah Shabazz, the daughter of".
    private static func describedSex(before first: Int, after last: Int, in sentence: Sentence) -> Sex {
        if first > 0, let sex = roleSex(sentence[first - 1]) { return sex }
        if last + 2 < sentence.count && sentence[last + 1].isPunct(",") {
            var position = last + 2
            if ["the", "a", "an", "his", "her"].contains(sentence.lower(position)) { position += 1 }
            for offset in 0..<3 where position + offset < sentence.count {
                if let sex = roleSex(sentence[position + offset]) { return sex }
            }
        }
        return .unknown
    }

    private static func roleSex(_ token: Token) -> Sex? {
        if maleRoles.contains(token) { return .male }
        if femaleRoles.contains(token) { return .female }
        return nil
    }

    private static func firstNameSex(_ token: Token) -> Sex? {
        if FirstNames.male.contains(token) { return .male }
        if FirstNames.female.contains(token) { return .female }
        return nil
    }

    private static func firstNameSex(lower: String) -> Sex? {
        if FirstNames.male.contains(lower) { return .male }
        if FirstNames.female.contains(lower) { return .female }
        return nil
    }

    /// ``sex(ofPronoun:)`` of a token, on its precomputed word key (no string comparisons per word).
    static func sex(ofPronoun token: Token) -> Sex? {
        if malePronouns.contains(token) { return .male }
        if femalePronouns.contains(token) { return .female }
        return nil
    }

    static let malePronouns: WordSet = ["he", "him", "his", "himself"]
    static let femalePronouns: WordSet = ["she", "her", "hers", "herself"]

    static func sex(ofPronoun word: String) -> Sex? {
        switch word {
        case "he", "him", "his", "himself": .male
        case "she", "her", "hers", "herself": .female
        default: nil
        }
    }

    private static func stripPossessive(_ text: String) -> String {
        // Most names end in neither an apostrophe nor "s": no suffix tests.
        guard let last = text.utf8.last, last == UInt8(ascii: "s") || last == UInt8(ascii: "'") || last == 0x99 else {
            return text
        }
        for suffix in ["'s", "\u{2019}s", "'", "\u{2019}"] where text.hasSuffix(suffix) {
            return String(text.dropLast(suffix.count))
        }
        return text
    }

    static let maleTitles: WordSet = ["mr", "sir", "lord", "king", "prince", "mister", "father", "brother"]
    static let femaleTitles: WordSet = [
        "mrs", "ms", "miss", "dame", "lady", "queen", "princess", "baroness", "sister", "madame", "mme",
    ]
    static let articles: WordSet = ["a", "an", "the", "one", "another"]
    static let nameSuffixes: WordSet = ["jr", "sr", "jnr", "snr", "ii", "iii", "iv"]
    /// Nouns of a described speaker a pronoun may refer to ("the official said … he added").
    static let describedPeople: WordSet = [
        "spokesperson", "official", "source", "minister", "lawyer", "attorney", "prosecutor", "witness", "doctor",
        "teacher", "officer", "detective", "expert", "analyst", "economist", "worker", "resident", "fan",
    ]
    static let subjectPronouns: WordSet = ["he", "she", "himself", "herself"]
    static let personRoles: WordSet = [
        "manager", "coach", "boss", "striker", "midfielder", "defender", "goalkeeper", "winger", "captain",
        "skipper", "agent", "president", "secretary", "minister", "chancellor", "spokesperson", "executive",
        "director", "analyst", "economist", "producer", "director", "singer", "star", "player", "champion",
        "seed", "leader", "chief", "editor", "correspondent", "presenter", "host", "founder", "owner",
        "chairman", "lawyer", "judge", "referee", "officer", "official", "rival", "colleague", "partner",
        "team-mate", "veteran", "newcomer", "rookie", "prop", "flanker", "fly-half", "scrum-half", "full-back",
        "centre", "lock", "hooker", "batsman", "bowler", "comedian", "writer", "author", "novelist", "poet",
        "rapper", "guitarist", "drummer", "frontman", "musician", "designer", "artist", "dancer", "model",
    ]
    static let neutralTitles: WordSet = ["dr", "prof", "professor"]
    static let bodyPrepositions: WordSet = ["for", "at", "of", "from", "with", "in", "on", "to", "by"]
    static let titles: WordSet = [
        "mr", "mrs", "ms", "dr", "st", "prof", "gen", "sen", "rep", "gov", "lt", "col", "sgt",
    ]
    /// Capitalised words that open a run but name no one ("But Ian Shepherdson", "The BBC's").
    static let leadingWords: WordSet = [
        "the", "a", "an", "but", "and", "or", "so", "yet", "in", "on", "at", "for", "of", "to", "from", "by", "with",
        "after", "before", "when", "while", "if", "as", "however", "meanwhile", "instead", "despite", "although",
        "though", "since", "until", "also", "then", "now", "still", "earlier", "later", "last", "this", "that",
        "these", "those", "it", "its", "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "my",
        "there", "here", "what", "who", "which", "where", "why", "how", "former", "new", "dr", "prof", "professor",
        "president", "chancellor", "secretary", "minister", "senator", "governor", "judge", "captain", "coach",
        "manager", "director", "chairman", "chief", "executive", "correspondent", "editor", "analyst", "economist",
        "spokesman", "spokeswoman", "actor", "actress", "singer", "star", "striker", "defender", "midfielder",
        "winger", "champion", "veteran", "boss", "leader", "general", "deputy", "us", "uk", "eu", "un",
        "yes", "no", "not", "one", "all", "some", "many", "most", "both", "each", "every", "monday",
        "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
        "april", "may", "june", "july", "august", "september", "october", "november", "december",
    ]
    /// Role words before a name that the name starts after ("Chancellor Gordon Brown").
    static let roles: WordSet = [
        "president", "chancellor", "secretary", "minister", "senator", "governor", "judge", "captain", "coach",
        "manager", "director", "chairman", "commissioner", "premier", "prime", "foreign", "home", "treasury",
    ]
    static let organisationWords: WordSet = [
        "bbc", "fc", "united", "city", "club", "plc", "ltd", "co", "corporation", "federation", "league", "cup",
        "championship", "championships", "open", "masters", "classic", "trophy", "grand", "prix", "awards", "award",
        "festival", "street", "road", "stadium", "airways",
        "airlines", "motors", "foundation", "trust", "commission", "parliament", "congress", "senate", "assembly",
        "organisation", "organization", "fund", "exchange", "network", "channel", "radio", "tv", "television",
        "magazine", "journal", "records", "studios", "pictures", "report", "programme", "program", "today",
        "economics", "securities", "investments", "investors", "bureau", "builders", "motors", "group", "capital",
        "partners", "holdings", "international", "industries", "national",
        "federal", "reserve", "treasury", "institution", "school", "college", "hospital", "centre", "center",
    ]
    static let maleRoles: WordSet = [
        "actor", "chairman", "spokesman", "businessman", "husband", "father", "son", "brother", "uncle",
        "nephew", "boyfriend", "ex-husband", "ex-boyfriend", "man", "boy", "king", "prince", "sir", "lord", "frontman",
        "grandfather",
    ]
    static let femaleRoles: WordSet = [
        "actress", "chairwoman", "spokeswoman", "businesswoman", "wife", "mother", "daughter", "sister", "aunt",
        "niece", "girlfriend", "woman", "girl", "queen", "princess", "widow", "singer-songwriter-actress",
        "grandmother", "ex-wife", "ex-girlfriend", "waitress", "heiress", "duchess", "songstress", "hostess",
    ]
}

/// Common first names and the sex they usually mark, written for this project (English, with some
/// French, Spanish, Italian, German and Russian names that BBC news often carries). A name used for both
/// sexes ("Lee", "Robin", "Jan", "Morgan") is left out: the resolver then looks for other evidence.
enum FirstNames {
    static let male: WordSet = [
        "aaron", "abdul", "adam", "adrian", "ahmed", "aidan", "alain", "alan", "alastair", "albert", "alec",
        "alessandro", "alex", "alexander", "alexei", "alexey", "alfred", "ali", "alistair", "andre", "andreas",
        "andrei", "andrew", "andy", "angus", "anthony", "antonio", "archie", "arnold", "arthur", "ashley", "barry",
        "ben", "benjamin", "bernard", "bernie", "bill", "billy", "bob", "bobby", "boris", "brad", "bradley",
        "brendan", "brett", "brian", "bruce", "bryan", "carl", "carlos", "charles", "charlie", "chris", "christian",
        "christopher", "clint", "clive", "colin", "craig", "damien", "damon", "dan", "daniel", "danny", "darren",
        "dave", "david", "dean", "denis", "dennis", "derek", "desmond", "dick", "diego", "dieter", "dmitry",
        "dominic", "don", "donald", "doug", "douglas", "duncan", "dwight", "eamonn", "ed", "eddie", "edward",
        "elton", "elvis", "emmanuel", "eric", "ernest", "ernie", "evan", "fabien", "fabio", "felipe", "fernando",
        "francis", "francisco", "frank", "franz", "fred", "freddie", "frederic", "gareth", "garry", "gary", "gavin",
        "geoff", "geoffrey", "george", "gerald", "gerard", "gerhard", "gianni", "giovanni", "giuseppe", "glen",
        "glenn", "gordon", "graham", "grant", "greg", "gregory", "guy", "hamish", "hank", "hans", "harold", "harry",
        "hassan", "hector", "helmut", "henri", "henry", "herbert", "howard", "hugh", "hugo", "hussein", "iain",
        "ian", "igor", "ivan", "jack", "jacques", "jake", "james", "jamie", "jason", "javier", "jean-claude",
        "jean-marie", "jean-pierre", "jeff", "jeffrey", "jens", "jeremy", "jerry", "jim", "jimmy", "joachim", "jody",
        "joe", "joel", "johan", "johannes", "john", "johnny", "jon", "jonathan", "jonny", "jorge", "jose",
        "jose-maria", "josef", "joseph", "josh", "joshua", "juan", "julian", "jurgen", "justin", "karl", "keith",
        "kelvin", "ken", "kenneth", "kenny", "kevin", "kieran", "klaus", "kofi", "kurt", "kwame", "lance", "larry",
        "lars", "laurent", "len", "leo", "leon", "leonard", "les", "lewis", "liam", "lionel", "lloyd", "louis",
        "luca", "lucas", "luis", "luke", "malcolm", "marc", "marco", "marcus", "mario", "mark", "martin", "matt",
        "matthew", "maurice", "max", "michael", "mick", "mickey", "miguel", "mike", "mikhail", "miles", "mohammed",
        "morten", "muhammad", "murray", "neil", "nelson", "nicholas", "nick", "nicky", "nicolas", "nigel", "nikolai",
        "nils", "noel", "norman", "ole", "oleg", "oliver", "olivier", "omar", "oscar", "owen", "pablo", "paddy",
        "patrick", "paul", "paulo", "pedro", "pete", "peter", "phil", "philip", "philippe", "pierre", "rafa",
        "rafael", "ralph", "ray", "raymond", "reggie", "richard", "rick", "ricky", "rob", "robbie", "robert",
        "roberto", "robson", "rod", "rodney", "roger", "roman", "ron", "ronald", "ronaldo", "ronnie", "rory", "ross",
        "roy", "rupert", "russell", "ryan", "samuel", "scott", "seamus", "sean", "sebastian", "sergei", "sergio",
        "shane", "shaun", "silvio", "simon", "stan", "stanley", "stefan", "stephen", "steve", "steven", "stewart",
        "stuart", "sven", "ted", "terry", "thabo", "thierry", "thomas", "tiger", "tim", "timothy", "tom", "tommy",
        "tony", "trevor", "vernon", "victor", "viktor", "vincent", "vladimir", "walter", "warren", "wayne", "will",
        "william", "willie", "wolfgang", "yannick", "yuri", "zinedine",
    ]
    static let female: WordSet = [
        "abigail", "alice", "alicia", "alison", "amanda", "amber", "amelia", "amelie", "amy", "ana", "anastasia",
        "anastasiya", "andrea", "angela", "angelina", "angie", "ann", "anna", "anne", "annette", "annie", "annika",
        "barbara", "beatrice", "becky", "belinda", "beth", "betty", "beverley", "bridget", "britney", "camilla",
        "candice", "carla", "carmen", "carol", "caroline", "cate", "catherine", "cathy", "celine", "charlize",
        "charlotte", "cheryl", "chloe", "christina", "christine", "cindy", "claire", "clare", "claudia", "colleen",
        "conchita", "condoleezza", "cynthia", "daisy", "dana", "daniela", "danielle", "daphne", "davina", "debbie",
        "deborah", "denise", "diana", "diane", "dido", "dinara", "dolly", "donna", "doris", "dorothy", "edith",
        "eileen", "elaine", "eleanor", "elena", "elizabeth", "ella", "ellen", "emily", "emma", "erica", "erin",
        "eva", "eve", "fiona", "florence", "frances", "gemma", "georgina", "geraldine", "gillian", "gina", "grace",
        "gwen", "gwyneth", "halle", "hannah", "harriet", "hazel", "heather", "helen", "helena", "hilary", "hillary",
        "holly", "imelda", "imogen", "ingrid", "irene", "isabel", "isabelle", "jackie", "jacqueline", "jade", "jane",
        "janet", "janice", "jasmine", "jelena", "jennifer", "jenny", "jessica", "jill", "jo", "joan",
        "joanna", "joanne", "jodie", "josephine", "joy", "judith", "judy", "julia", "julie", "june", "justine",
        "karen", "kate", "katherine", "kathleen", "kathryn", "kathy", "katie", "kay", "keira", "kelly", "kerry",
        "kim", "kirsty", "kylie", "laura", "lauren", "leah", "lily", "linda", "lindsay", "lisa", "liz", "louise",
        "lucy", "lynn", "lynne", "madonna", "maggie", "margaret", "maria", "maria-jose", "marie", "marion",
        "martina", "mary", "maureen", "melanie", "melinda", "meryl", "michelle", "mildred", "miranda", "molly",
        "monica", "nadia", "nancy", "naomi", "natalie", "natasha", "nathalie", "nicola", "nicole", "nigella", "nina",
        "nora", "olivia", "patricia", "paula", "pauline", "penelope", "penny", "rachel", "rania", "rebecca", "renee",
        "rita", "rosa", "rose", "rosemary", "ruth", "sally", "samantha", "sandra", "sania", "sara", "sarah",
        "serena", "sharon", "sheila", "shirley", "sienna", "sigourney", "silvia", "sophia", "sophie", "stella",
        "stephanie", "sue", "susan", "suzanne", "svetlana", "sylvia", "tanya", "tatiana", "tessa", "theresa", "tina",
        "tracey", "tracy", "valerie", "vanessa", "venus", "vera", "veronica", "victoria", "violet", "virginia",
        "wendy", "yvonne", "zadie", "zoe",
    ]
}
