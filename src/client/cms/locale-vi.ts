/** What Decap's Vietnamese locale (decap-cms-locales 3.8) leaves in English, in Vietnamese: the Forgejo login button,
 * the editor's toolbars, notes and media. Merged over Decap's own `vi` phrases at start-up. */
export const vietnameseSupplement = {
  auth: { loginWithAzure: 'Đăng nhập bằng Azure', loginWithForgejo: 'Đăng nhập bằng Forgejo' },
  collection: {
    collectionTop: { viewAsList: 'Xem dạng danh sách', viewAsGrid: 'Xem dạng lưới', groupBy: 'Nhóm theo' },
    entries: { unpublishedHeader: 'Mục chưa công bố' },
    groups: { other: 'Khác', negateLabel: 'Không %{label}' },
  },
  editor: {
    editorControl: { field: { widgetLabel: 'trường %{widgetLabel}' } },
    editorControlPane: {
      i18n: {
        writingInLocale: 'Đang viết bằng %{locale}',
        copyFromLocale: 'Điền từ ngôn ngữ khác',
        copyFromLocaleConfirm: 'Điền dữ liệu từ %{locale}?\nMọi nội dung hiện có sẽ bị ghi đè.',
      },
    },
    editorInterface: {
      toggleI18n: 'Bật/tắt đa ngôn ngữ',
      togglePreview: 'Bật/tắt xem trước',
      toggleScrollSync: 'Cuộn cùng nhau',
      toggleNotes: 'Bật/tắt ghi chú',
    },
    editorNotesPane: {
      title: 'Ghi chú',
      emptyState: 'Chưa có ghi chú. Thêm ghi chú đầu tiên ở dưới.',
      addNote: 'Thêm ghi chú',
      addPlaceholder: 'Thêm ghi chú…',
      editPlaceholder: 'Sửa ghi chú…',
      save: 'Lưu',
      cancel: 'Huỷ',
      edit: 'Sửa',
      delete: 'Xoá',
      resolve: 'Đã xong',
      unresolve: 'Mở lại',
      confirmDelete: 'Xoá ghi chú này?',
      shortcut: 'Mẹo: bấm Ctrl+Enter để thêm ghi chú nhanh',
    },
    editorToolbar: {
      status: 'Trạng thái: %{status}',
      statusInfoTooltipDraft:
        'Mục đang là bản nháp. Khi viết xong, chuyển trạng thái sang "Đang xét duyệt" để gửi duyệt.',
      statusInfoTooltipInReview: 'Mục đang được duyệt, không cần làm gì thêm. Vẫn có thể sửa trong lúc chờ duyệt.',
    },
    editorWidgets: {
      markdown: {
        bold: 'Chữ đậm',
        italic: 'Chữ nghiêng',
        strikethrough: 'Gạch ngang',
        code: 'Mã',
        link: 'Liên kết',
        linkPrompt: 'Nhập địa chỉ của liên kết',
        headings: 'Tiêu đề',
        quote: 'Trích dẫn',
        bulletedList: 'Danh sách gạch đầu dòng',
        numberedList: 'Danh sách đánh số',
        addComponent: 'Thêm khung',
        toggleMode: { rich: 'Chuyển sang soạn thảo định dạng', markdown: 'Chuyển sang Markdown' },
      },
      image: {
        chooseMultiple: 'Chọn ảnh',
        chooseUrl: 'Chèn từ địa chỉ web',
        replaceUrl: 'Thay bằng địa chỉ web',
        promptUrl: 'Nhập địa chỉ của ảnh',
        addMore: 'Thêm ảnh',
        removeAll: 'Xoá hết ảnh',
      },
      file: {
        chooseUrl: 'Chèn từ địa chỉ web',
        chooseMultiple: 'Chọn tệp',
        replaceUrl: 'Thay bằng địa chỉ web',
        promptUrl: 'Nhập địa chỉ của tệp',
        addMore: 'Thêm tệp',
        removeAll: 'Xoá hết tệp',
      },
      datetime: { setToNow: 'Đặt %{fieldLabel} là hôm nay' },
      list: { add: 'Thêm %{item}', addType: 'Thêm %{item}' },
      object: { expand: 'Mở rộng', collapse: 'Thu gọn' },
    },
  },
  mediaLibrary: {
    mediaLibraryCard: {
      copy: 'Sao chép',
      copyUrl: 'Sao chép địa chỉ',
      copyPath: 'Sao chép đường dẫn',
      copyName: 'Sao chép tên',
      copied: 'Đã sao chép',
    },
    mediaLibraryModal: { close: 'Đóng' },
  },
  ui: {
    settingsDropdown: { account: 'Tài khoản' },
    toast: {
      noteAdded: 'Đã thêm ghi chú',
      onFailToAddNote: 'Chưa thêm được ghi chú: %{details}',
      noteUpdated: 'Đã sửa ghi chú',
      onFailToUpdateNote: 'Chưa sửa được ghi chú: %{details}',
      noteDeleted: 'Đã xoá ghi chú',
      onFailToDeleteNote: 'Chưa xoá được ghi chú: %{details}',
      noteResolved: 'Ghi chú đã xong',
      noteReopened: 'Đã mở lại ghi chú',
      onFailToToggleNote: 'Chưa đổi được ghi chú: %{details}',
    },
  },
};

type Phrases = { [key: string]: string | Phrases };

/** `base` with `extra` laid over it, nested objects merged. */
export function mergePhrases(base: Phrases, extra: Phrases): Phrases {
  const out: Phrases = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const current = out[key];
    out[key] = typeof value === 'object' && typeof current === 'object' ? mergePhrases(current, value) : value;
  }
  return out;
}
