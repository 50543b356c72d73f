"""What goes into the package besides its code (the rest is in pyproject.toml).

The corpus (`conventions/`) and the Word templates (`templates/`) stay at the
top of the repository, where people edit them; a wheel carries them inside the
package as `generator/_shipped/conventions/` and `generator/_shipped/templates/`
(found at run time by `generator/shipped.py`). setuptools does this by mapping
two package names onto the two folders (`package_dir`) and taking their files
as package data: nothing is copied into the source tree, no symbolic link. An
editable install and a checkout read the top-level folders themselves.

Package discovery is here, not in pyproject.toml, because pyproject.toml can
either find packages or list them, not both."""

from setuptools import find_packages, setup

#: package name inside the wheel -> the repository folder it is made of
SHIPPED = {
    "generator._shipped.conventions": "conventions",
    "generator._shipped.templates": "templates",
}

setup(
    packages=[
        *find_packages(include=["generator", "generator.*", "signatures", "signatures.*"]),
        *SHIPPED,
    ],
    package_dir=SHIPPED,
    package_data={
        # the message catalogues of the words conventio prints (generator/catalogue.py):
        # the compiled .mo are read at run time, the .po/.pot come along for translators
        "generator": ["locale/*.pot", "locale/*/LC_MESSAGES/*.po", "locale/*/LC_MESSAGES/*.mo"],
        "generator._shipped.conventions": ["**/*.yaml", "**/*.yml"],
        "generator._shipped.templates": ["*/*.docx"],
    },
)
