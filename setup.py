"""Packaging shim: rules/ (top level of the repository) is installed as the package
``lawscan._rules``, so an installed lawscan carries its built-in rules and their data.
Everything else about the project is in pyproject.toml."""

from setuptools import find_packages, setup

DATA = ["*.toml", "*.json", "*.html", "*.css", "*.js", "*.txt", "*.md", "*.xsd", "*.xml",
        "*.docx", "fixtures/*", "data/*", "templates/*", "schema/*", "xsd/*"]
# the trained verdict's model (lawscan/analyse/model/: training/train.py writes it)
MODEL = ["model/*.json", "model/textcat/*.cfg", "model/textcat/*.json",
         "model/textcat/textcat_multilabel/*"]

setup(
    packages=find_packages(include=["lawscan", "lawscan.*"]) + ["lawscan._rules"],
    package_dir={"lawscan._rules": "rules"},
    package_data={"lawscan": DATA, "lawscan._rules": DATA, "lawscan.analyse": DATA + MODEL, "": DATA},
    include_package_data=False,
)
