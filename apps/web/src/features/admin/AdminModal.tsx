import { Modal, type ModalProps } from '@mantine/core';

/**
 * A Modal that does not lock the page's scroll: the lock (react-remove-scroll) injects a <style>
 * tag without the CSP nonce unless get-nonce's setNonce is called at start-up, and the server's
 * policy then blocks it (a console error on every open).
 */
export function AdminModal(props: ModalProps) {
  return <Modal lockScroll={false} {...props} />;
}
