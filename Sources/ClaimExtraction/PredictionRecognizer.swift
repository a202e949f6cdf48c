import ClaimCore

/// Finds forecasts: "Experts predict that Russia’s technological stagnation will lead to …".
struct PredictionRecognizer: ClaimRecognizer {
    func findings(in sentence: Sentence) -> [Finding] {
        for index in 0..<sentence.count {
            let isTrigger =
                sentence.lower(index, isIn: .forecastVerb)
                || (sentence.lower(index, isIn: .expectationWord)
                    && sentence.lower(index + 1) == "to" && sentence.lower(index - 1, isIn: .auxiliary))
            guard isTrigger else { continue }
            if sentence.lower(index, isIn: .forecastVerb) {
                // "predict that … will", "forecast growth of 5%": the forecast must look ahead.
                let rest = (index + 1)..<sentence.count
                guard
                    rest.contains(where: { sentence.lower($0, isIn: .futureMarker) })
                        || sentence.lower(index + 1) != "that"
                else { continue }
                if sentence.lower(index - 1) == "than" || sentence.lower(index - 1) == "as" { continue }
            }
            let clauseStart = sentence.clauseStart(before: index)
            var first = clauseStart
            while first < index
                && (sentence[first].kind == .punct || sentence.lower(first, isIn: .discourseAdverb))
            {
                first += 1
            }
            var last = sentence.count - 1
            while last > index && sentence[last].kind == .punct && !sentence[last].isPunct(")") { last -= 1 }
            if let semicolon = (index..<sentence.count).first(where: { sentence[$0].isPunct(";") }) {
                last = semicolon - 1
            }
            guard last > index else { continue }
            var fields: [String: JSONValue] = [:]
            guard index - first <= 12 else { continue }
            if first < index, let source = sentence.subject(ofVerbAt: index), source.split(separator: " ").count <= 6,
                !sentence.lower(index - 1, isIn: .auxiliary)
            {
                fields["source"] = .string(source)
            }
            return [
                Finding(
                    kind: .prediction, span: sentence.span(first, last), anchor: sentence.span(index, index),
                    fields: fields,
                    prior: 0.6)
            ]
        }
        return []
    }

    static let forecastVerbs: WordSet = [
        "predict", "predicts", "predicted", "predicting", "forecast", "forecasts", "forecasting", "forecasted",
        "anticipate", "anticipates", "projects",
    ]
    /// Words that forecast before "to" after an auxiliary ("is expected to").
    static let expectationWords: WordSet = ["expected", "projected", "forecast", "likely"]
    static let futureMarkers: WordSet = ["will", "would", "could", "may", "might", "to", "shall", "won't"]
}
