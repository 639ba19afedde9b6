"""The Network page's "Resources" tab: the shared documents (protocols, leaflets, contact
sheets) readable offline, publishing one (to everyone or to chosen colleagues), a new
version of one's own, and saving a copy where the user says."""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from tsn_desktop.core.executor import DbRunner, RecordsChanged
from tsn_desktop.feature import QT_TRANSLATE_NOOP
from tsn_desktop.network import service
from tsn_desktop.network.attachments import MAX_BYTES, Attachment, RefusedAttachment, accept
from tsn_desktop.network.library import InvalidDocument, SharedDocument
from tsn_desktop.network.model import DirectoryEntry
from tsn_desktop.network.service import LibraryView
from tsn_desktop.network.ui import texts
from tsn_desktop.network.ui.dialogs import DirectorySearch
from tsn_desktop.ui.formatting import datetime_text
from tsn_desktop.ui.forms import add_cancel_button, add_main_button, error_label, row_table
from tsn_desktop.ui.rows_model import RowsMixin

_ModelIndex = QModelIndex | QPersistentModelIndex


class DocumentsModel(RowsMixin, QAbstractTableModel):
    """Shared documents: title, version, date, publisher, for whom."""

    TITLE, VERSION, DATE, AUTHOR, AUDIENCE = range(5)
    COLUMN_COUNT = 5
    TITLES = (QT_TRANSLATE_NOOP("LibraryModels", "Document"),
              QT_TRANSLATE_NOOP("LibraryModels", "Version"),
              QT_TRANSLATE_NOOP("LibraryModels", "Date"),
              QT_TRANSLATE_NOOP("LibraryModels", "Published by"),
              QT_TRANSLATE_NOOP("LibraryModels", "For"))
    TITLES_CONTEXT = "LibraryModels"

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[SharedDocument] = []
        self._view = LibraryView([], {})

    def set_view(self, view: LibraryView) -> None:
        self.beginResetModel()
        self._view = view
        self._rows = list(view.documents)
        self.endResetModel()

    def document(self, row: int) -> SharedDocument | None:
        found: SharedDocument | None = self.item(row)
        return found

    def data(self, index: _ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        doc: SharedDocument | None = self.item_at(index)
        if doc is None or role not in (Qt.ItemDataRole.DisplayRole,
                                       Qt.ItemDataRole.ToolTipRole):
            return None
        column = index.column()
        if column == self.TITLE:
            return f"{doc.title} ({doc.file_name})"
        if column == self.VERSION:
            waiting = f" · {texts.state_text('waiting')}" if doc.waiting else ""
            return doc.version + waiting
        if column == self.DATE:
            return datetime_text(doc.published_at)
        if column == self.AUTHOR:
            return self._view.name(doc.author)
        if not doc.audience:
            return texts.everyone_text()
        return ", ".join(self._view.name(r) for r in doc.audience)


class PublishDialog(QDialog):
    """A document to publish: title, version, its file (a PDF or an image, 180 kB at
    most), and for whom (everyone, or colleagues chosen in the directory)."""

    def __init__(self, runner: DbRunner, file: Attachment, known: SharedDocument | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Publish a document"))
        self.file = file
        self.known = known
        self.on_publish: Any = None
        self.title_field = QLineEdit(known.title if known else "", self)
        self.title_field.setAccessibleName(self.tr("Document title"))
        self.version = QLineEdit(self)
        self.version.setAccessibleName(self.tr("Version"))
        self.everyone = QRadioButton(self.tr("&Everyone"), self)
        self.everyone.setAccessibleName(self.tr("Everyone"))
        self.group = QRadioButton(self.tr("Only the colleagues &chosen"), self)
        self.group.setAccessibleName(self.tr("Only the colleagues chosen"))
        self.everyone.setChecked(known is None or not known.audience)
        self.group.setChecked(bool(known and known.audience))
        self.directory = DirectorySearch(runner, self, limit=30)
        self.chosen = QListWidget(self)
        self.chosen.setAccessibleName(self.tr("Colleagues chosen"))
        self.chosen.setMaximumHeight(80)
        for rpps in known.audience if known else ():
            item = QListWidgetItem(rpps)
            item.setData(Qt.ItemDataRole.UserRole, rpps)
            self.chosen.addItem(item)
        self.directory.picked.connect(self._add)
        form = QFormLayout()
        form.addRow(self.tr("File"), QLabel(f"{file.name} ({round(file.size / 1000)} kB)", self))
        form.addRow(self.tr("&Title"), self.title_field)
        form.addRow(self.tr("&Version"), self.version)
        form.addRow(self.tr("For"), self.everyone)
        form.addRow("", self.group)
        form.addRow(self.tr("Find a colleague"), self.directory)
        form.addRow(self.tr("Colleagues chosen"), self.chosen)
        self.error = error_label(self, "publishError", self.tr("Problem"))
        buttons = QDialogButtonBox(self)
        add_main_button(buttons, self.tr("&Publish"), self.tr("Publish the document"),
                        QDialogButtonBox.ButtonRole.AcceptRole, self._publish, default=False)
        add_cancel_button(buttons, self.tr("Do not publish"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(640, 620)
        self.directory.search("")

    def _add(self, entry: DirectoryEntry) -> None:
        item = QListWidgetItem(entry.display_name)
        item.setData(Qt.ItemDataRole.UserRole, entry.rpps)
        self.chosen.addItem(item)
        self.group.setChecked(True)

    def audience(self) -> list[str]:
        if self.everyone.isChecked():
            return []
        return [str(self.chosen.item(r).data(Qt.ItemDataRole.UserRole))
                for r in range(self.chosen.count())]

    def _publish(self) -> None:
        if self.on_publish is not None:
            self.on_publish(self)

    def show_problem(self, code: str) -> None:
        self.error.setText(texts.problem_text(code))
        self.error.show()


class LibraryTab(QWidget):
    def __init__(self, runner: DbRunner, me: str, choose_file: Any, choose_save_path: Any,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.me = me
        self.choose_file = choose_file
        self.choose_save_path = choose_save_path
        self.dialog: PublishDialog | None = None
        self.model = DocumentsModel(self)
        self.table: QTableView = row_table(
            self, self.model, self.tr("Shared documents"),
            selection=QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DocumentsModel.TITLE, QHeaderView.ResizeMode.Stretch)
        self.publish_button = QPushButton(self.tr("&Publish a document…"), self)
        self.update_button = QPushButton(self.tr("New &version of my document…"), self)
        self.save_button = QPushButton(self.tr("&Save a copy as…"), self)
        for button in (self.publish_button, self.update_button, self.save_button):
            button.setAccessibleName(button.text().replace("&", ""))
        self.error = error_label(self, "libraryError", self.tr("Problem"))
        self.empty = QLabel(self.tr("No shared document yet: publish a protocol, a leaflet "
                                    "or a contact sheet for your colleagues."), self)
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        for row in ((self.publish_button, self.update_button), (self.save_button,)):
            bar = QHBoxLayout()
            for button in row:
                bar.addWidget(button)
            bar.addStretch(1)
            layout.addLayout(bar)
        layout.addWidget(self.empty)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        self.publish_button.clicked.connect(lambda: self.publish())
        self.update_button.clicked.connect(self.new_version)
        self.save_button.clicked.connect(self.save_copy)
        runner.records_changed.connect(self._records_changed)

    def _records_changed(self, changed: RecordsChanged) -> None:
        if service.DOCUMENT in changed.types() or service.ENTRY in changed.types():
            self.refresh()

    def refresh(self) -> None:
        self.runner.run(service.library, self._loaded, owner=self)

    def _loaded(self, view: LibraryView) -> None:
        self.model.set_view(view)
        self.empty.setVisible(not view.documents)

    def current(self) -> SharedDocument | None:
        return self.model.document(self.table.currentIndex().row())

    def _read_file(self) -> Attachment | None:
        path = self.choose_file(self)
        if not path:
            return None
        try:
            if os.path.getsize(path) > MAX_BYTES:
                raise RefusedAttachment("too_large")
            with open(path, "rb") as source:
                return accept(os.path.basename(path), source.read())
        except RefusedAttachment as refused:
            self._problem(f"attachment_{refused.code}")
        except OSError:
            self._problem("attachment_unreadable")
        return None

    def _problem(self, code: str) -> None:
        self.error.setText(texts.problem_text(code))
        self.error.show()

    def publish(self, known: SharedDocument | None = None) -> PublishDialog | None:
        self.error.hide()
        file = self._read_file()
        if file is None:
            return None
        dialog = PublishDialog(self.runner, file, known, self)
        dialog.on_publish = self._publish
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()
        return dialog

    def new_version(self) -> None:
        doc = self.current()
        if doc is None or doc.author != self.me:
            self._problem("not_author")
            return
        self.publish(doc)

    def _publish(self, dialog: PublishDialog) -> None:
        title, version, audience = (dialog.title_field.text(), dialog.version.text(),
                                    dialog.audience())
        known_id = dialog.known.id if dialog.known else None
        file = dialog.file

        def failed(exc: BaseException) -> None:
            if isinstance(exc, InvalidDocument | service.NotAllowed):
                dialog.show_problem(exc.code)
                return
            raise exc

        def done(_doc: object) -> None:
            dialog.accept()
            self.refresh()

        self.runner.run(lambda db: service.publish_document(
            db, title, version, file, audience, known_id), done, failed, owner=dialog)

    def save_copy(self) -> None:
        doc = self.current()
        if doc is None:
            return
        path = self.choose_save_path(self, doc.file_name)
        if not path:
            return

        def write(file: Attachment) -> None:
            with open(path, "wb") as target:
                target.write(file.data)

        doc_id = doc.id
        self.runner.run(lambda db: service.document_file(db, doc_id), write, owner=self)
