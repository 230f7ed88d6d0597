import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../shared/confirm/ConfirmModal';
import { useTRPC } from '../../trpc';
import { errorMessage } from '../auth/error-text';
import { PupilsTable } from './PupilsTable';
import { NS } from './strings';

interface ClassRow {
  classId: string;
  name: string;
  grade: number;
  homeroom: { userId: string; displayName: string } | null;
  pupils: number;
}

/** setup: a school's classes of the school year, their homeroom teachers, and each class's pupils. */
export function ClassesPanel({ schoolId }: { schoolId: string }) {
  const { t, i18n } = useTranslation(NS);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.schoolClass.list.queryOptions({ schoolId }));
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [grade, setGrade] = useState<number | string>('');
  const [homeroom, setHomeroom] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<ClassRow | null>(null);
  const [newName, setNewName] = useState('');
  const [archiving, setArchiving] = useState<ClassRow | null>(null);
  const [shown, setShown] = useState<{ classId: string | null; name: string | null } | null>(null);

  const refresh = () => queryClient.invalidateQueries(trpc.schoolClass.pathFilter());
  const fail = (e: unknown) => {
    setDone(null);
    setError(t('failed', { message: errorMessage(e, i18n.language) }));
  };
  const succeed = (message: string) => {
    setError(null);
    setDone(message);
    void refresh();
  };
  const create = useMutation(trpc.schoolClass.create.mutationOptions());
  const rename = useMutation(trpc.schoolClass.rename.mutationOptions());
  const archive = useMutation(trpc.schoolClass.archive.mutationOptions());
  const setHr = useMutation(trpc.schoolClass.setHomeroom.mutationOptions());

  const data = list.data;
  if (list.isLoading) return <Text c="dimmed">{t('loading')}</Text>;
  if (list.error) return <Alert color="red">{errorMessage(list.error, i18n.language)}</Alert>;
  if (!data) return null;
  const teachers = data.teachers.map((x) => ({ value: x.userId, label: x.displayName }));
  const nameOf = (userId: string | null) => data.teachers.find((x) => x.userId === userId)?.displayName ?? '';

  return (
    <Stack gap="md" data-testid="classes">
      <Text size="sm">{t('intro')}</Text>
      <Text fw={600}>{t('year', { from: data.schoolYear, to: data.schoolYear + 1 })}</Text>
      {done && (
        <Alert color="green" role="status" data-testid="classes-done">
          {done}
        </Alert>
      )}
      {error && (
        <Alert color="red" role="alert" data-testid="classes-error">
          {error}
        </Alert>
      )}
      <form
        data-testid="class-create"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate(
            {
              schoolId,
              schoolYear: data.schoolYear,
              name,
              grade: typeof grade === 'number' ? grade : Number.NaN,
              homeroomId: homeroom,
            },
            {
              onSuccess: () => {
                succeed(t('create.done', { name: name.trim() }));
                setName('');
                setGrade('');
                setHomeroom(null);
              },
              onError: fail,
            },
          );
        }}
      >
        <Group align="flex-end" gap="sm">
          <TextInput
            label={t('name')}
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            required
            w={140}
          />
          <NumberInput
            label={t('grade')}
            value={grade}
            onChange={setGrade}
            min={1}
            max={12}
            required
            w={100}
          />
          <Select
            label={t('homeroom')}
            data={teachers}
            value={homeroom}
            onChange={setHomeroom}
            clearable
            searchable
            placeholder={t('noHomeroom')}
            w={240}
          />
          <Button type="submit" loading={create.isPending}>
            {t('create.submit')}
          </Button>
        </Group>
      </form>
      {data.classes.length === 0 ? (
        <Text c="dimmed">{t('empty')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped fz="sm" data-testid="class-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('name')}</Table.Th>
                <Table.Th>{t('grade')}</Table.Th>
                <Table.Th>{t('homeroom')}</Table.Th>
                <Table.Th ta="right">{t('pupils')}</Table.Th>
                <Table.Th>{t('actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.classes.map((c) => (
                <Table.Tr key={c.classId} data-testid="class-row" data-class-name={c.name}>
                  <Table.Td fw={600}>{c.name}</Table.Td>
                  <Table.Td>{c.grade}</Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={`${t('homeroom')} ${c.name}`}
                      data={teachers}
                      value={c.homeroom?.userId ?? null}
                      placeholder={t('noHomeroom')}
                      clearable
                      searchable
                      size="xs"
                      data-testid="class-homeroom"
                      disabled={setHr.isPending}
                      onChange={(userId) =>
                        setHr.mutate(
                          { classId: c.classId, homeroomId: userId },
                          {
                            onSuccess: () =>
                              succeed(
                                userId
                                  ? t('homeroomSet', { className: c.name, name: nameOf(userId) })
                                  : t('homeroomCleared', { className: c.name }),
                              ),
                            onError: fail,
                          },
                        )
                      }
                    />
                  </Table.Td>
                  <Table.Td ta="right">
                    <Anchor
                      component="button"
                      type="button"
                      onClick={() => setShown({ classId: c.classId, name: c.name })}
                    >
                      {c.pupils}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() => {
                          setRenaming(c);
                          setNewName(c.name);
                        }}
                      >
                        {t('rename')}
                      </Button>
                      <Button size="xs" variant="subtle" color="gray" onClick={() => setArchiving(c)}>
                        {t('archive')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {data.unassignedPupils > 0 && (
        <Group>
          <Badge color="orange" variant="light">
            {t('unassigned', { count: data.unassignedPupils })}
          </Badge>
          <Button size="xs" variant="subtle" onClick={() => setShown({ classId: null, name: null })}>
            {t('showPupils')}
          </Button>
        </Group>
      )}
      {shown && (
        <PupilsTable
          key={shown.classId ?? 'none'}
          schoolId={schoolId}
          classId={shown.classId}
          title={shown.name ? t('pupilsOf', { name: shown.name }) : t('pupilsOfNone')}
          classes={data.classes}
          onMoved={succeed}
          onError={fail}
        />
      )}
      <Modal
        opened={renaming !== null}
        onClose={() => setRenaming(null)}
        title={t('renameTitle', { name: renaming?.name ?? '' })}
      >
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (!renaming) return;
            rename.mutate(
              { classId: renaming.classId, name: newName },
              {
                onSuccess: () => {
                  succeed(t('renamed', { name: newName.trim() }));
                  setRenaming(null);
                },
                onError: (err) => {
                  setRenaming(null);
                  fail(err);
                },
              },
            );
          }}
        >
          <Stack gap="sm">
            <TextInput
              label={t('name')}
              value={newName}
              onChange={(e) => setNewName(e.currentTarget.value)}
              required
              data-autofocus
            />
            <Group justify="flex-end">
              <Button type="submit" loading={rename.isPending}>
                {t('renameSubmit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
      <ConfirmModal
        opened={archiving !== null}
        title={t('archiveTitle', { name: archiving?.name ?? '' })}
        confirmLabel={t('archive')}
        color="red"
        loading={archive.isPending}
        onClose={() => setArchiving(null)}
        onConfirm={() =>
          archiving &&
          archive.mutate(
            { classId: archiving.classId },
            {
              onSuccess: () => {
                succeed(t('archived', { name: archiving.name }));
                setArchiving(null);
              },
              onError: (err) => {
                setArchiving(null);
                fail(err);
              },
            },
          )
        }
      >
        {t('archiveBody')}
      </ConfirmModal>
    </Stack>
  );
}
