/// The word lists a token belongs to, among those the recognizers test tokens against in their loops.
///
/// Looked up once, when the token is made (one probe of ``table``), so that each of those tests is a bit
/// test rather than a hash-table probe: the recognizers ask them of nearly every token of every sentence.
/// The word lists themselves stay beside the recognizers that own them; ``table`` is built from them.
struct TokenClasses: OptionSet, Sendable {
    let rawValue: UInt32

    /// ``Lexicon/hedges``.
    static let hedge = Self(rawValue: 1 << 0)
    /// ``NumberReader/numberStartWords``.
    static let numberStart = Self(rawValue: 1 << 1)
    /// ``RankingRecognizer/entryWords``.
    static let rankEntry = Self(rawValue: 1 << 2)
    /// ``BanRecognizer/entryWords``.
    static let banEntry = Self(rawValue: 1 << 3)
    /// ``PredictionRecognizer/forecastVerbs``.
    static let forecastVerb = Self(rawValue: 1 << 4)
    /// ``PredictionRecognizer/expectationWords``.
    static let expectationWord = Self(rawValue: 1 << 5)
    /// ``PredictionRecognizer/futureMarkers``.
    static let futureMarker = Self(rawValue: 1 << 6)
    /// ``ComparisonRecognizer/lagVerbs``.
    static let lagVerb = Self(rawValue: 1 << 7)
    /// ``ComparisonRecognizer/aheadVerbs``.
    static let aheadVerb = Self(rawValue: 1 << 8)
    /// ``QuoteRecognizer/reportVerbs``.
    static let reportVerb = Self(rawValue: 1 << 9)
    /// ``QuoteRecognizer/speechVerbs``.
    static let speechVerb = Self(rawValue: 1 << 10)
    /// ``Lexicon/clauseStopWords``.
    static let clauseStop = Self(rawValue: 1 << 11)
    /// ``Lexicon/clauseOpeners``.
    static let clauseOpener = Self(rawValue: 1 << 12)
    /// ``Lexicon/finiteVerbs``.
    static let finiteVerb = Self(rawValue: 1 << 13)
    /// ``Lexicon/auxiliaries``.
    static let auxiliary = Self(rawValue: 1 << 14)
    /// ``Lexicon/discourseAdverbs``.
    static let discourseAdverb = Self(rawValue: 1 << 15)
    /// ``Lexicon/plainAdverbs``.
    static let plainAdverb = Self(rawValue: 1 << 16)

    /// What `Lexicon.isFiniteVerb` asks of a token: a finite verb or an auxiliary.
    static let finiteOrAuxiliary: Self = [.finiteVerb, .auxiliary]

    /// Every word of the lists above with the classes it belongs to.
    ///
    /// A `WordMap` answers as `[String: TokenClasses]` would; words that are equal as `String`s share one
    /// entry holding the classes of both, so a probe gets exactly the lists `WordSet.contains` would find it in.
    static let table: WordMap<TokenClasses> = {
        var entries: [String: TokenClasses] = [:]
        func mark(_ words: WordSet, _ classes: TokenClasses) {
            for word in words.words { entries[word, default: []].formUnion(classes) }
        }
        mark(Lexicon.hedges, .hedge)
        mark(NumberReader.numberStartWords, .numberStart)
        mark(RankingRecognizer.entryWords, .rankEntry)
        mark(BanRecognizer.entryWords, .banEntry)
        mark(PredictionRecognizer.forecastVerbs, .forecastVerb)
        mark(PredictionRecognizer.expectationWords, .expectationWord)
        mark(PredictionRecognizer.futureMarkers, .futureMarker)
        mark(ComparisonRecognizer.lagVerbs, .lagVerb)
        mark(ComparisonRecognizer.aheadVerbs, .aheadVerb)
        mark(QuoteRecognizer.reportVerbs, .reportVerb)
        mark(QuoteRecognizer.speechVerbs, .speechVerb)
        mark(Lexicon.clauseStopWords, .clauseStop)
        mark(Lexicon.clauseOpeners, .clauseOpener)
        mark(Lexicon.finiteVerbs, .finiteVerb)
        mark(Lexicon.auxiliaries, .auxiliary)
        mark(Lexicon.discourseAdverbs, .discourseAdverb)
        mark(Lexicon.plainAdverbs, .plainAdverb)
        return WordMap(entries)
    }()
}
