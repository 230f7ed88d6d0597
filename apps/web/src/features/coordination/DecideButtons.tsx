import { Alert, Button, Group, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../sign-off/format';
import { NS } from './strings';

interface Props {
  approveLabel: string;
  returnLabel: string;
  /** The label of the comment box, and the message when it is left empty. */
  commentLabel?: string;
  commentRequired?: string;
  onDecide: (approve: boolean, comment?: string) => Promise<unknown>;
}

/** Approve at once, or send back with a comment that cannot be left empty. */
export function DecideButtons({ approveLabel, returnLabel, commentLabel, commentRequired, onDecide }: Props) {
  const { t, i18n } = useTranslation(NS);
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function go(approve: boolean) {
    if (!approve && !comment.trim()) {
      setFieldError(commentRequired ?? t('reviews.commentRequired'));
      return;
    }
    setPending(true);
    setError(null);
    try {
      await onDecide(approve, approve ? undefined : comment.trim());
    } catch (err) {
      setError(errorMessage(err, i18n.language));
    } finally {
      setPending(false);
    }
  }

  return (
    <Stack gap="xs">
      {error && (
        <Alert color="red" role="alert">
          {t('failed', { message: error })}
        </Alert>
      )}
      {returning ? (
        <>
          <Textarea
            label={commentLabel ?? t('reviews.comment')}
            value={comment}
            onChange={(e) => {
              setComment(e.currentTarget.value);
              setFieldError(null);
            }}
            error={fieldError}
            autosize
            minRows={2}
            required
            disabled={pending}
          />
          <Group gap="xs">
            <Button color="orange" loading={pending} onClick={() => void go(false)}>
              {t('reviews.confirm')}
            </Button>
            <Button variant="default" disabled={pending} onClick={() => setReturning(false)}>
              {t('reviews.cancel')}
            </Button>
          </Group>
        </>
      ) : (
        <Group gap="xs">
          <Button loading={pending} onClick={() => void go(true)}>
            {approveLabel}
          </Button>
          <Button variant="default" disabled={pending} onClick={() => setReturning(true)}>
            {returnLabel}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
