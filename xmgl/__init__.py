"""xmgl（项目管理）：大石桥市政务信息化项目档案的命令行工具。

The package is layered: ``xmgl.domain`` holds the regulation's rules, the
lifecycle and the date arithmetic as plain Python; ``xmgl.dossier`` reads and
writes the YAML dossier; ``xmgl.gitaudit`` and ``xmgl.reports`` are adapters for
git and .docx; ``xmgl.cli`` is the thin command-line layer.
"""

__version__ = "0.1.0"
