"""Packaging shim: rules/ (top level of the repository) is installed as the package
``lawscan._rules``, so an installed lawscan carries its built-in rules and their data.
Everything else about the project is in pyproject.toml."""

from setuptools import find_packages, setup

DATA = ["*.toml", "*.json", "*.html", "*.css", "*.js", "*.txt", "*.md", "*.xsd", "*.xml",
        "*.docx", "fixtures/*", "data/*", "templates/*", "schema/*", "xsd/*"]

setup(
    packages=find_packages(include=["lawscan", "lawscan.*"]) + ["lawscan._rules"],
    package_dir={"lawscan._rules": "rules"},
    package_data={"lawscan": DATA, "lawscan._rules": DATA, "": DATA},
    include_package_data=False,
)
