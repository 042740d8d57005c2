"""Train the sentence model for missing voices (`wsd_text.pipeline.missing_model`).

    python eval/train_missing_model.py            # writes wsd_text/data/nl/missing_sentences.csv

Every sentence of the reports in ``eval/extra/raw`` (split as wsd-text splits them) is an
example; it says a voice was missing when it is the ``evidence`` of a flagged perspective in
its gold record in ``eval/extra/gold``. Words and word pairs are weighted by TF-IDF and a
logistic regression learns which ones say so. The same input gives the same file. The blind
set is never read: it measures the model.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import re
import sys
import unicodedata
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from wsd_text.export.atomic import write_text_atomic  # noqa: E402
from wsd_text.ingest import read_report  # noqa: E402
from wsd_text.nlp import build_pipeline, make_doc  # noqa: E402
from wsd_text.pipeline.missing_model import INTERCEPT, TOKEN, SentenceModel  # noqa: E402
from wsd_text.pipeline.themes import doc_sentences  # noqa: E402

OUT = ROOT / "wsd_text" / "data" / "nl" / "missing_sentences.csv"
C = 4.0  # inverse regularisation; 1 to 16 gave the same cross-validated F1 on eval/extra


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def examples(raw: Path, gold: Path) -> tuple[list[str], list[bool]]:
    """All sentences of the reports in ``raw``, and whether each is the evidence of a flag."""
    nlp = build_pipeline()
    texts, labels = [], []
    for record in sorted(gold.glob("*.json")):
        evidence = {_norm(v["evidence"]) for v in json.loads(record.read_text(encoding="utf-8"))["voices"].values()
                    if v["flagged_missing"] and v.get("evidence")}
        source = next(raw.glob(record.stem + ".*"))
        for sentence in doc_sentences(make_doc(read_report(source), nlp)):
            text = _norm(sentence.text)
            texts.append(sentence.text)
            labels.append(any(text == e or len(e) > 30 and e in text or len(text) > 30 and text in e
                              for e in evidence))
    return texts, labels


def train(texts: list[str], labels: list[bool]) -> tuple[TfidfVectorizer, LogisticRegression]:
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, token_pattern=TOKEN.pattern)
    model = LogisticRegression(C=C, class_weight="balanced", max_iter=5000)
    model.fit(vectorizer.fit_transform(texts), labels)
    return vectorizer, model


def model_file(vectorizer: TfidfVectorizer, model: LogisticRegression, n: int, positive: int) -> str:
    """The CSV text: a comment header, then ``ngram,idf,weight`` rows in n-gram order."""
    out = io.StringIO()
    out.write(f"# Sentence model for missing voices (wsd_text/pipeline/missing_model.py), written by\n"
              f"# eval/train_missing_model.py from {n} sentences of eval/extra, {positive} of them the\n"
              f"# evidence of a missing voice. Words and word pairs: idf and logistic-regression weight.\n")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["ngram", "idf", "weight"])
    writer.writerow([INTERCEPT, "", f"{model.intercept_[0]:.6g}"])
    idf, coef = vectorizer.idf_, model.coef_[0]
    for gram, column in sorted(vectorizer.vocabulary_.items()):
        writer.writerow([gram, f"{idf[column]:.6g}", f"{coef[column]:.6g}"])
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval", type=Path, default=ROOT / "eval" / "extra", help="folder with raw/ and gold/")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    texts, labels = examples(args.eval / "raw", args.eval / "gold")
    vectorizer, model = train(texts, labels)
    write_text_atomic(args.out, model_file(vectorizer, model, len(texts), sum(labels)))
    # the file must score as scikit-learn does
    loaded, expected = SentenceModel.load(args.out), model.predict_proba(vectorizer.transform(texts))[:, 1]
    worst = max(abs(loaded.probability(t) - p) for t, p in zip(texts, expected))
    print(f"{args.out}: {len(vectorizer.vocabulary_)} n-grams from {len(texts)} sentences "
          f"({sum(labels)} evidence); largest difference to scikit-learn {worst:.1e}")
    return 0 if worst < 1e-4 else 1  # six significant digits in the file


if __name__ == "__main__":
    raise SystemExit(main())
