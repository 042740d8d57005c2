"""Train the theme model of wsd-text (`wsd_text.pipeline.text_model`) on ``eval/extra``.

    python eval/train_models.py            # writes wsd_text/data/nl/theme_model.csv

Each report's body text (the sentences the theme rule counts, split as wsd-text splits them)
is an example of the codes its gold record in ``eval/extra/gold`` has. Words and word pairs
are weighted by TF-IDF and a logistic regression per code learns which ones matter. The same
input gives the same file. The blind set is never read: it measures the model.

A sentence model for missing voices was trained the same way (on the evidence sentences) and
dropped: on the two batches written after it, it added as many false flags as true ones.
"""
from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from wsd_text.codebook import load_codebook  # noqa: E402
from wsd_text.export.atomic import write_text_atomic  # noqa: E402
from wsd_text.ingest import read_report  # noqa: E402
from wsd_text.nlp import build_pipeline, make_doc  # noqa: E402
from wsd_text.pipeline.text_model import INTERCEPT, TOKEN, TextModel  # noqa: E402
from wsd_text.pipeline.themes import ThemeCoder, doc_sentences  # noqa: E402

OUT = ROOT / "wsd_text" / "data" / "nl" / "theme_model.csv"
# C and the feature cap gave the best cross-validated F1 on eval/extra (5 folds), within 0.01
# of their neighbours
VECTORIZER = dict(ngram_range=(1, 2), sublinear_tf=True, token_pattern=TOKEN.pattern, min_df=3, max_df=0.9,
                  max_features=4000)
C = 10.0


def examples(folder: Path) -> tuple[list[str], list[set[str]], list[str]]:
    """Each report's body text in ``folder``'s ``raw/``, labelled with the codes of the default
    codebook its record in ``gold/`` has; and those codes."""
    nlp, coder = build_pipeline(), ThemeCoder(load_codebook())
    codes = [c.code for c in coder.codebook.codes]
    texts, labels = [], []
    for path in sorted((folder / "gold").glob("*.json")):
        source = next((folder / "raw").glob(path.stem + ".*"))
        texts.append(coder.body_text(doc_sentences(make_doc(read_report(source), nlp))))
        labels.append(set(json.loads(path.read_text(encoding="utf-8"))["themes"]) & set(codes))
    return texts, labels, codes


def train(texts: list[str], labels: list[set[str]], codes: list[str]):
    """The vectorizer and one logistic regression per code."""
    for code in codes:
        if len({code in found for found in labels}) < 2:
            raise ValueError(f"Code {code!r} needs reports with and without it; the training set has one kind.")
    vectorizer = TfidfVectorizer(**VECTORIZER)
    matrix = vectorizer.fit_transform(texts)
    models = {code: LogisticRegression(C=C, class_weight="balanced", max_iter=5000)
              .fit(matrix, [code in found for found in labels]) for code in codes}
    return vectorizer, models


def model_file(vectorizer, models, comment: str) -> str:
    """The CSV text: a comment, then ``ngram,idf,<code>...`` rows in n-gram order."""
    out = io.StringIO()
    out.write("".join(f"# {line}\n" for line in comment.splitlines()))
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["ngram", "idf", *models])
    writer.writerow([INTERCEPT, "", *(f"{m.intercept_[0]:.6g}" for m in models.values())])
    for gram, column in sorted(vectorizer.vocabulary_.items()):
        writer.writerow([gram, f"{vectorizer.idf_[column]:.6g}", *(f"{m.coef_[0][column]:.6g}" for m in models.values())])
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval", type=Path, default=ROOT / "eval" / "extra", help="folder with raw/ and gold/")
    parser.add_argument("--out", type=Path, default=OUT, help="the model file to write")
    args = parser.parse_args(argv)
    texts, labels, codes = examples(args.eval)
    vectorizer, models = train(texts, labels, codes)
    comment = (f"Theme model of wsd-text (wsd_text/pipeline/text_model.py), written by eval/train_models.py\n"
               f"from {len(texts)} reports of {args.eval.name}; per word and word pair its idf and a\n"
               f"logistic-regression weight per code.")
    write_text_atomic(args.out, model_file(vectorizer, models, comment))
    # the file must score as scikit-learn does (six significant digits)
    loaded, matrix = TextModel.load(args.out), vectorizer.transform(texts)
    expected = {code: m.predict_proba(matrix)[:, 1] for code, m in models.items()}
    worst = max(abs(loaded.probabilities(t)[code] - expected[code][i]) for i, t in enumerate(texts) for code in codes)
    print(f"{args.out}: {len(vectorizer.vocabulary_)} n-grams, {len(texts)} reports, codes "
          f"{', '.join(f'{c} ({sum(c in found for found in labels)})' for c in codes)}; "
          f"largest difference to scikit-learn {worst:.1e}")
    return 0 if worst < 1e-4 else 1


if __name__ == "__main__":
    raise SystemExit(main())
