/** What the file pickers offer: every format the readers take (read-document.ts decides by content). */
export const ACCEPTED_FILES = '.docx,.docm,.doc,.wps,.pdf,.ofd,.xlsx,.txt,.png,.jpg,.jpeg,.tif,.tiff,.gif';
