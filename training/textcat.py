"""Build and train the spaCy text classifier of lawscan.analyse.classify, seeded and on CPU.

    nlp = train(texts, targets, seed=0)        # targets: 1.0 yes, 0.0 no, 0.5 borderline
    probs = score_texts(nlp, texts)            # lawscan.analyse.classify.score_texts

The pipeline is ``spacy.blank("xx")`` with one ``textcat_multilabel`` component whose only label
is ``digital``; the model is a bag of n-grams (``spacy.TextCatBOW.v3``, ``CONFIG``) over the
syllable tokens of ``classify.to_doc``. A borderline unit is given twice, once as yes and once as
no: the binary cross-entropy of that pair is that of a 0.5 target (spaCy's multilabel component
takes only 0 or 1). Same texts, targets and seed give the same weights: one thread, the seeded
order of the examples, spaCy's and numpy's seeds fixed (``spacy.util.fix_random_seed``).
"""

from __future__ import annotations

import random

from lawscan.analyse.classify import LABEL, to_doc

CONFIG = {"ngram_size": 2, "length": 2 ** 18, "epochs": 12, "dropout": 0.2, "batch": 32}


def build(ngram_size: int, length: int):
    import spacy

    nlp = spacy.blank("xx")
    model = {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": False,
             "ngram_size": ngram_size, "no_output_layer": False, "length": length}
    textcat = nlp.add_pipe("textcat_multilabel", config={"model": model, "threshold": 0.5})
    textcat.add_label(LABEL)
    return nlp


def train(texts: list[str], targets: list[float], seed: int = 0, config: dict | None = None):
    """A trained pipeline (see the module docstring)."""
    from spacy.training import Example
    from spacy.util import fix_random_seed, minibatch

    cfg = {**CONFIG, **(config or {})}
    fix_random_seed(seed)
    nlp = build(cfg["ngram_size"], cfg["length"])
    examples = []
    for text, y in zip(texts, targets):
        for value in ((0.0, 1.0) if y == 0.5 else (float(y),)):
            ref = to_doc(nlp.vocab, text)
            ref.cats = {LABEL: value}
            examples.append(Example(to_doc(nlp.vocab, text), ref))
    optimizer = nlp.initialize(lambda: examples[:200])
    rng = random.Random(seed)
    order = list(range(len(examples)))
    for _ in range(cfg["epochs"]):
        rng.shuffle(order)
        for batch in minibatch(order, size=cfg["batch"]):
            nlp.update([examples[i] for i in batch], sgd=optimizer, drop=cfg["dropout"])
    return nlp

