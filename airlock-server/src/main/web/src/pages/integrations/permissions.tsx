/** What the gateway does with a bucket, as README.md's External Integrations paragraph states it. */
export const REQUIRED_PERMISSIONS: readonly string[] = ['s3:PutObject', 's3:GetObject', 's3:ListBucket'];

/** Permissions the gateway uses when granted, and what it does without them. */
export const OPTIONAL_PERMISSIONS: Readonly<Record<string, string>> = {
  's3:PutObjectTagging': 'stores the session metadata as object tags too; without it, as object metadata only',
  's3:GetObjectTagging': 'reads the session metadata back from tags',
  's3:AbortMultipartUpload':
    'removes the parts of a large upload that failed or was interrupted; without it, a lifecycle rule that aborts incomplete multipart uploads does',
};

export function isOptional(permission: string): boolean {
  return Object.hasOwn(OPTIONAL_PERMISSIONS, permission);
}

function Names({ names }: { names: readonly string[] }) {
  return names.map((name, index) => (
    <span key={name}>
      {index > 0 && (index === names.length - 1 ? ' and ' : ', ')}
      <code className="permission-name">{name}</code>
    </span>
  ));
}

/** One paragraph naming the required and optional S3 permissions, shown by the form and by each check. */
export function PermissionsNote({ testId }: { testId?: string }) {
  return (
    <p className="permissions-note" data-testid={testId}>
      Required: <Names names={REQUIRED_PERMISSIONS} />. Optional:{' '}
      {Object.entries(OPTIONAL_PERMISSIONS).map(([name, use], index, all) => (
        <span key={name}>
          <code className="permission-name">{name}</code> ({use}){index < all.length - 1 ? '; ' : '. '}
        </span>
      ))}
      Never <code className="permission-name">s3:DeleteObject</code>: retention belongs to the bucket’s lifecycle
      rules.
    </p>
  );
}
