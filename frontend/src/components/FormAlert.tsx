import { Alert } from 'antd';

/** The form-level error (anything not shown on a field). */
export default function FormAlert({ message }: { message: string | null }) {
  if (!message) return null;
  return <Alert type="error" showIcon message={message} role="alert" style={{ marginBottom: 16 }} />;
}
