import { Route, Routes } from 'react-router';
import { Inbox } from './Inbox';
import { TaskDetail } from './TaskDetail';
import './strings';

/** My tasks: the inbox at /tasks, and the form of one task at /tasks/:taskId. */
export default function TasksPage() {
  return (
    <Routes>
      <Route index element={<Inbox />} />
      <Route path=":taskId" element={<TaskDetail />} />
    </Routes>
  );
}
