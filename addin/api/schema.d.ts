/**
 * The sync service's API as TypeScript types, generated from its OpenAPI document by `npm run gen:api`
 * (scripts/generateApiSchema.ts). Do not edit: change the routes in server/api and regenerate.
 */
export interface paths {
  '/api/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Audit events in order; page with afterSeq and limit.
     * @description Access: PMG members and viewers.
     */
    get: operations['listAuditEvents'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/audit/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Recompute the hash chain: finds any edited, inserted or deleted event.
     * @description Access: PMG members and viewers.
     */
    get: operations['verifyAuditTrail'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/catalogue': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The current partnership catalogue (ETag = its version).
     * @description Access: Any member of the partnership.
     */
    get: operations['getCatalogue'];
    /**
     * Replace the catalogue (PMG). If-Match with the current version, unless there is none yet.
     * @description Access: PMG members only.
     */
    put: operations['putCatalogue'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/dev/members': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Development only (loopback clients): the catalogue’s members, to choose whom to sign in as.
     * @description Access: No token needed.
     */
    get: operations['listDevMembers'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/dev/token': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Development only (loopback clients): a development token for a catalogue member, valid for an hour.
     * @description Access: No token needed.
     */
    post: operations['mintDevToken'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Liveness: the process answers.
     * @description Access: No token needed.
     */
    get: operations['getHealth'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The calling user: email, role and organisation.
     * @description Access: Any member of the partnership.
     */
    get: operations['getMe'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/openapi.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * This OpenAPI 3.1 document.
     * @description Access: No token needed.
     */
    get: operations['getOpenApiDocument'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/organisations/{id}/submission': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The organisation’s current submission (ETag = its version).
     * @description Access: The PMG, or the line manager of this organisation.
     */
    get: operations['getCurrentSubmission'];
    /**
     * Submit the workbook as raw tables. If-Match: the version you edited (428 without it once a version exists, 412 when stale); 422 lists every issue and stores nothing; a workbook identical to the current version is 200 and stores nothing.
     * @description Access: The PMG, or the line manager of this organisation.
     */
    put: operations['putSubmission'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/organisations/{id}/submission/upload': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Submit a workbook file (.xlsx or .ods, multipart field "file", its name at most 255 characters); same rules as PUT.
     * @description Access: The PMG, or the line manager of this organisation.
     */
    post: operations['uploadSubmission'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/organisations/{id}/submissions': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Every version the organisation submitted, newest first (without their rows).
     * @description Access: The PMG, or the line manager of this organisation.
     */
    get: operations['listSubmissionVersions'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/organisations/{id}/submissions/{version}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One version of the organisation’s submission.
     * @description Access: The PMG, or the line manager of this organisation.
     */
    get: operations['getSubmissionVersion'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/organisations/{id}/template.xlsx': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * An empty partner workbook for this organisation (the five tables, dropdowns, About pre-filled).
     * @description Access: The PMG, or the line manager of this organisation.
     */
    get: operations['getPartnerTemplate'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/organisations/{id}/validate': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Dry run: validate raw tables (JSON) or a file (multipart "file") and report every issue (the first 1,000 listed, all of them counted); stores nothing.
     * @description Access: The PMG, or the line manager of this organisation.
     */
    post: operations['validateSubmission'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ready': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Readiness: the database answers, its schema is migrated and the worker threads are up.
     * @description Access: No token needed.
     */
    get: operations['getReadiness'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/registers': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Register versions, newest first, with counts.
     * @description Access: Any member of the partnership.
     */
    get: operations['listRegisters'];
    put?: never;
    /**
     * Consolidate the latest submission of every partner into the next register version (PMG). When nothing changed since the latest register (same digest), that register is the answer (200) and no version is created, so its sign-offs still stand; force=true creates one anyway.
     * @description Access: PMG members only.
     */
    post: operations['consolidateRegister'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/registers/{a}/diff/{b}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * What changed from register version a to version b: rows added, removed and changed per table.
     * @description Access: Any member of the partnership.
     */
    get: operations['diffRegisters'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/registers/{version}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * One register version.
     * @description Access: Any member of the partnership.
     */
    get: operations['getRegister'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/registers/{version}/appendix.docx': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The MoU appendices of a register version as a Word document, with the sign-off status as it is now (as at the last sign-off).
     * @description Access: Any member of the partnership.
     */
    get: operations['getRegisterAppendixDocx'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/registers/{version}/appendix.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The MoU appendices of a register version as the register JSON, with the sign-off status as it is now (as at the last sign-off).
     * @description Access: Any member of the partnership.
     */
    get: operations['getRegisterAppendixJson'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/registers/{version}/appendix.ods': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The MoU appendices of a register version as an OpenDocument spreadsheet (LibreOffice), with the sign-off status as it is now (as at the last sign-off).
     * @description Access: Any member of the partnership.
     */
    get: operations['getRegisterAppendixOds'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/registers/{version}/appendix.xlsx': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The MoU appendices of a register version as an Excel workbook, with the sign-off status as it is now (as at the last sign-off).
     * @description Access: Any member of the partnership.
     */
    get: operations['getRegisterAppendixXlsx'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/registers/{version}/appendix.zip': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The MoU appendices of a register version as CSV files in a zip, with the sign-off status as it is now (as at the last sign-off).
     * @description Access: Any member of the partnership.
     */
    get: operations['getRegisterAppendixCsv'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/registers/{version}/sign-offs': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Who confirmed this register version and when, which governing partners are missing, and readyForMou.
     * @description Access: Any member of the partnership.
     */
    get: operations['getSignOffStatus'];
    put?: never;
    /**
     * Confirm a register version for an organisation: a line manager for their own; a PMG member for any governing partner (organisationId in the body).
     * @description Access: Any member of the partnership.
     */
    post: operations['signOffRegister'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/registers/{version}/sign-offs/{organisationId}/withdrawal': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Withdraw an organisation’s sign-off of a register version: a line manager for their own; a PMG member for any. The withdrawal is an audit event and readyForMou is recomputed; that partner signs the next register version.
     * @description Access: Any member of the partnership.
     */
    post: operations['withdrawSignOff'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/registers/latest': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * The newest register version.
     * @description Access: Any member of the partnership.
     */
    get: operations['getLatestRegister'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/sign-in': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * How the task pane signs in: Entra ID (client id, authority, scopes) or the development issuer.
     * @description Access: No token needed.
     */
    get: operations['getSignInConfiguration'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/verify': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /**
     * Whether an exported file (Word, Excel, CSV zip or JSON, in the multipart field "file") is a true copy of the register version it names; if not, which appendix, row and field differ (docs/verify.md).
     * @description Access: Any member of the partnership.
     */
    post: operations['verifyAppendix'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: {
    AuditEvent: {
      /** @enum {string} */
      action: 'catalogue.put' | 'submission.create' | 'register.create' | 'signoff.create' | 'signoff.withdraw';
      actor: string;
      at: string;
      /** @description Digest of a submission's warnings, source and file name (null on other events). */
      detailDigest: string | null;
      digestAfter: string | null;
      digestBefore: string | null;
      hash: string;
      prevHash: string;
      seq: number;
      subject: string;
    };
    AuditList: {
      events: components['schemas']['AuditEvent'][];
      nextAfterSeq: number | null;
    };
    AuditVerification: {
      checked: number;
      ok: boolean;
      problem?: {
        reason: string;
        seq: number;
      };
    };
    Catalogue: {
      activities: {
        category?: string;
        id: string;
        name: string;
      }[];
      members: {
        /** Format: email */
        email: string;
        organisationId?: string;
        /** @enum {string} */
        role: 'line-manager' | 'pmg' | 'viewer';
      }[];
      organisations: {
        id: string;
        /** @enum {string} */
        involvement: 'governance-and-funding' | 'governance' | 'data-provider' | 'observer';
        name: string;
        /** @enum {string} */
        sector: 'local-government' | 'police' | 'fire' | 'health' | 'education' | 'voluntary' | 'private' | 'other';
        tier?: 1 | 2 | 3 | null;
      }[];
      partnership: {
        fullTimeHoursPerWeek?: number;
        /** @enum {string} */
        governanceModel: 'horizontal' | 'tiered';
        id: string;
        mouEnd: string;
        mouStart: string;
        name: string;
        tierWeights?: {
          1: number;
          2: number;
          3: number;
        };
        workingDaysPerMonth?: number;
      };
    };
    Consolidation: components['schemas']['StoredRegister'] & {
      /** @description True when nothing changed since the latest register (same digest): no version was created, and this is that register. */
      unchanged: boolean;
    };
    DevMembers: {
      members: {
        email: string;
        organisationId: string | null;
        organisationName: string | null;
        /** @enum {string} */
        role: 'line-manager' | 'pmg' | 'viewer';
      }[];
    };
    DevToken: {
      /** @description ISO time. */
      expiresAt: string;
      token: string;
    };
    DevTokenRequest: {
      email: string;
    };
    Health: {
      status: string;
    };
    Issue: {
      cell?: string;
      /** @enum {string} */
      code:
        | 'table/missing'
        | 'table/missing-column'
        | 'table/extra-column'
        | 'cell/required'
        | 'cell/type'
        | 'cell/enum'
        | 'cell/format'
        | 'cell/range'
        | 'cell/too-long'
        | 'row/duplicate'
        | 'about/unknown-organisation'
        | 'about/organisation-not-yours'
        | 'about/tier-required'
        | 'about/differs-from-catalogue'
        | 'contacts/no-primary'
        | 'contacts/multiple-primary'
        | 'commitment/unit-mismatch'
        | 'commitment/end-before-start'
        | 'commitment/outside-mou-period'
        | 'roles/unknown-activity'
        | 'data-sharing/lawful-basis-required'
        | 'data-sharing/condition-required'
        | 'data-sharing/no-dpia'
        | 'data-sharing/no-review-date'
        | 'data-sharing/no-agreement'
        | 'data-sharing/unknown-recipient'
        | 'data-sharing/review-before-mou'
        | 'register/no-accountable'
        | 'register/multiple-accountable'
        | 'register/no-responsible'
        | 'register/missing-submission'
        | 'register/observer-lead'
        | 'register/no-pmg-member'
        | 'register/unsigned-mou'
        | 'register/undocumented-data'
        | 'register/no-ig-contact';
      column?: string;
      message: string;
      organisationId?: string;
      row?: number;
      /** @enum {string} */
      severity: 'error' | 'warning';
      sheet?: string;
    };
    /** @description Issues of each code (codes that did not occur are left out), over all the issues, listed or not. */
    IssueCounts: {
      [key: string]: number;
    };
    Me: {
      email: string;
      name: string | null;
      organisation:
        | ({
            id: string;
            name: string;
          } & {
            [key: string]: unknown;
          })
        | null;
      organisationId: string | null;
      /** @enum {string} */
      role: 'line-manager' | 'pmg' | 'viewer';
      /** @enum {string} */
      tokenKind: 'dev' | 'entra';
    };
    /** @description RFC 9457 problem details. */
    Problem: {
      byCode?: components['schemas']['IssueCounts'];
      /** @description On a failed or missing If-Match (412, 428): the current version (null when there is none yet). */
      currentVersion?: number | null;
      detail: string;
      /** @description On a 422: errors among all the issues. */
      errorCount?: number;
      errors?: {
        detail: string;
        pointer: string;
      }[];
      instance?: string;
      /** @description On a workbook with errors (422): its issues, the first 1,000 of them when `truncated`. */
      issues?: components['schemas']['Issue'][];
      /** @description On a workbook with errors: the organisation it is for, when it could be read. */
      organisationId?: string | null;
      requestId?: string;
      status: number;
      title: string;
      /** @description On a 422: true when `issues` lists only the first 1,000. */
      truncated?: boolean;
      /** @description What went wrong, as `https://oda-register.example/problems/<name>`; the names, with their status and title: `bad-request` (400, Bad request); `invalid-request` (400, The request is not valid); `malformed-json` (400, The request body is not valid JSON); `unauthorized` (401, Authentication required); `forbidden` (403, Not allowed); `not-a-member` (403, Not a member of the partnership); `not-found` (404, Not found); `method-not-allowed` (405, Method not allowed); `conflict` (409, Conflict); `precondition-failed` (412, Someone else saved a newer version); `precondition-required` (428, If-Match required); `payload-too-large` (413, Request too large); `unsupported-media-type` (415, Unsupported media type); `invalid-workbook` (422, The workbook has errors); `unreadable-workbook` (422, The file cannot be read as a workbook); `invalid-catalogue` (422, The catalogue is not valid); `unprocessable` (422, This cannot be done); `no-catalogue` (409, No partnership catalogue yet); `too-many-requests` (429, Too many requests); `not-ready` (503, Service not ready); `service-busy` (503, Service busy); `internal` (500, Internal server error). */
      type: string;
      /** @description On a 422: warnings among all the issues. */
      warningCount?: number;
    };
    /** @description One table as read from the workbook: values[0] is the header row, topLeft the address of its first cell. */
    RawTable: {
      sheet: string;
      topLeft: string;
      values: unknown[][];
    };
    /** @description Tables by name: About, Contacts, Commitments, Roles, Participation, and the optional Data sharing (contract 1.1). */
    RawTables: {
      [key: string]: components['schemas']['RawTable'];
    };
    Ready: {
      catalogueVersion: number | null;
      status: string;
      store: string;
    };
    RegisterDiff: {
      diff: {
        [key: string]: unknown;
      };
      from: number;
      to: number;
    };
    RegisterList: {
      registers: components['schemas']['RegisterSummary'][];
    };
    RegisterSummary: {
      createdAt: string;
      createdBy: string;
      digest: string;
      errors: number;
      hasErrors: boolean;
      organisations: number;
      submissions: number;
      version: number;
      warnings: number;
    };
    SignInConfig: {
      /** @description What MSAL needs (AUTH_MODE=entra); null in development. */
      entra: {
        authority: string;
        clientId: string;
        scopes: string[];
      } | null;
      /** @enum {string} */
      mode: 'dev' | 'entra';
    };
    SignOff: {
      organisationId: string;
      registerDigest: string;
      registerVersion: number;
      signedAt: string;
      signedBy: string;
    };
    SignOffRequest: {
      /**
       * @description Required for a PMG member recording a partner’s confirmation.
       * @example north-county-council
       */
      organisationId?: string;
    };
    SignOffResult: {
      signOff: components['schemas']['SignOff'];
      status: components['schemas']['SignOffStatus'];
    };
    SignOffStatus: {
      /** @description The register’s errors: while there is one, it is not ready for the MoU. */
      blockingIssues: components['schemas']['Issue'][];
      governingPartners: {
        id: string;
        name: string;
      }[];
      missing: string[];
      /** @description No blocking issues, and every governing partner confirmed this version. */
      readyForMou: boolean;
      registerDigest: string;
      registerVersion: number;
      signOffs: components['schemas']['SignOff'][];
    };
    SignOffWithdrawal: {
      status: components['schemas']['SignOffStatus'];
      withdrawn: components['schemas']['SignOff'];
    };
    StoredCatalogue: {
      catalogue: components['schemas']['Catalogue'];
      digest: string;
      updatedAt: string;
      updatedBy: string;
      version: number;
    };
    StoredRegister: {
      createdAt: string;
      createdBy: string;
      digest: string;
      /** @description The register document, schema "oda-register/register@1". */
      register: {
        [key: string]: unknown;
      };
      version: number;
    };
    StoredSubmission: {
      digest: string;
      fileName: string | null;
      organisationId: string;
      /** @enum {string} */
      source: 'addin' | 'upload' | 'cli' | 'api';
      submission: {
        [key: string]: unknown;
      };
      submittedAt: string;
      submittedBy: string;
      version: number;
      /** @description All the warnings stored with this version, listed or not. */
      warningCount: number;
      /** @description The warnings stored with this version, in sheet then row order: the first 1,000. */
      warnings: components['schemas']['Issue'][];
      /** @description True when `warnings` lists only the first 1,000 of them. */
      warningsTruncated: boolean;
    };
    SubmissionHistory: {
      organisationId: string;
      versions: components['schemas']['SubmissionSummary'][];
    };
    SubmissionRequest: {
      /** @description The workbook’s file name, if known. */
      fileName?: string;
      /**
       * @description Who sends it; default api.
       * @enum {string}
       */
      source?: 'addin' | 'api';
      tables: components['schemas']['RawTables'];
    };
    SubmissionSummary: {
      digest: string;
      fileName: string | null;
      organisationId: string;
      /** @enum {string} */
      source: 'addin' | 'upload' | 'cli' | 'api';
      submittedAt: string;
      submittedBy: string;
      version: number;
      /** @description All the warnings stored with this version, listed or not. */
      warningCount: number;
      /** @description The warnings stored with this version, in sheet then row order: the first 1,000. */
      warnings: components['schemas']['Issue'][];
      /** @description True when `warnings` lists only the first 1,000 of them. */
      warningsTruncated: boolean;
    };
    SubmissionWrite: {
      digest: string;
      fileName: string | null;
      organisationId: string;
      /** @enum {string} */
      source: 'addin' | 'upload' | 'cli' | 'api';
      submittedAt: string;
      submittedBy: string;
      /** @description True when the workbook was identical to the current version: nothing was stored, and this is that version. */
      unchanged: boolean;
      version: number;
      /** @description All the warnings stored with this version, listed or not. */
      warningCount: number;
      /** @description The warnings stored with this version, in sheet then row order: the first 1,000. */
      warnings: components['schemas']['Issue'][];
      /** @description True when `warnings` lists only the first 1,000 of them. */
      warningsTruncated: boolean;
    };
    ValidateRequest: {
      tables: components['schemas']['RawTables'];
    };
    ValidationReport: {
      byCode: components['schemas']['IssueCounts'];
      /** @description Errors among all the issues, listed or not. */
      errors: number;
      /** @description The issues in sheet then row order: the first 1,000. */
      issues: components['schemas']['Issue'][];
      organisationId: string | null;
      submission: {
        [key: string]: unknown;
      } | null;
      /** @description True when `issues` lists only the first 1,000 issues. */
      truncated: boolean;
      valid: boolean;
      /** @description Warnings among all the issues, listed or not. */
      warnings: number;
    };
    VerifyResult: {
      /** @description How many differences there are in all. */
      differenceCount: number;
      /** @description The first 100 differences. */
      differences: {
        expected: string;
        field: string | null;
        found: string;
        key?: string | null;
        row: number | null;
        where: string;
      }[];
      digest: string | null;
      /** @enum {string|null} */
      format: 'docx' | 'xlsx' | 'ods' | 'csv' | 'json' | null;
      message: string;
      partnership: string | null;
      /** @enum {string} */
      verdict: 'true-copy' | 'edited' | 'unknown-register' | 'not-an-appendix';
      version: number | null;
    };
    WorkbookUpload: {
      /**
       * Format: binary
       * @description The partner workbook (.xlsx or .ods).
       */
      file: string;
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  listAuditEvents: {
    parameters: {
      query?: {
        /** @description Only events after this seq. */
        afterSeq?: number;
        /** @description At most this many (1-1000). */
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Events. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuditList'];
        };
      };
      /** @description The request is not valid: `errors` points at each bad field. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this user (type `not-a-member` when the partnership catalogue does not list them). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests; retry after the time Retry-After gives. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Problem. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  verifyAuditTrail: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The verification result. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['AuditVerification'];
        };
      };
      /** @description No valid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this user (type `not-a-member` when the partnership catalogue does not list them). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests; retry after the time Retry-After gives. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Problem. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getCatalogue: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The catalogue. */
      200: {
        headers: {
          /** @description "<version>" */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StoredCatalogue'];
        };
      };
      /** @description No valid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this user (type `not-a-member` when the partnership catalogue does not list them). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not possible in the current state (e.g. no catalogue yet). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests; retry after the time Retry-After gives. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Problem. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  putCatalogue: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version you edited, e.g. "3". */
        'if-match'?: string;
        /** @description "*" for the first version. */
        'if-none-match'?: string;
      };
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['Catalogue'];
      };
    };
    responses: {
      /** @description Replaced. */
      200: {
        headers: {
          /** @description "<version>" */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StoredCatalogue'];
        };
      };
      /** @description The first catalogue. */
      201: {
        headers: {
          /** @description "<version>" */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StoredCatalogue'];
        };
      };
      /** @description The request is not valid: `errors` points at each bad field. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this user (type `not-a-member` when the partnership catalogue does not list them). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The If-Match version is stale: someone else saved first. */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The body or upload is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Wrong content type. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The workbook or catalogue has errors: `issues` (or `errors`) lists every one; nothing was stored. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description If-Match is required because a version exists. */
      428: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests; retry after the time Retry-After gives. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Problem. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  listDevMembers: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The members. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DevMembers'];
        };
      };
      /** @description Not allowed for this user (type `not-a-member` when the partnership catalogue does not list them). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not possible in the current state (e.g. no catalogue yet). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests; retry after the time Retry-After gives. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Problem. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  mintDevToken: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['DevTokenRequest'];
      };
    };
    responses: {
      /** @description The token. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['DevToken'];
        };
      };
      /** @description The request is not valid: `errors` points at each bad field. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this user (type `not-a-member` when the partnership catalogue does not list them). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The body or upload is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Wrong content type. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests; retry after the time Retry-After gives. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Problem. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getHealth: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Alive. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Health'];
        };
      };
      /** @description Problem. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getMe: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The user. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Me'];
        };
      };
      /** @description No valid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this user (type `not-a-member` when the partnership catalogue does not list them). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests; retry after the time Retry-After gives. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Problem. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getOpenApiDocument: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The document. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            [key: string]: unknown;
          };
        };
      };
      /** @description Too many requests; retry after the time Retry-After gives. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Problem. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getCurrentSubmission: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The latest accepted submission. */
      200: {
        headers: {
          /** @description "<version>" */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StoredSubmission'];
        };
      };
      /** @description The request is not valid: `errors` points at each bad field. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this user (type `not-a-member` when the partnership catalogue does not list them). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests; retry after the time Retry-After gives. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Problem. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  putSubmission: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version you edited, e.g. "3". */
        'if-match'?: string;
        /** @description "*" for the first version. */
        'if-none-match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SubmissionRequest'];
      };
    };
    responses: {
      /** @description Identical to the current version: nothing was stored (no new version, no audit event); `unchanged` is true and this is the current version. */
      200: {
        headers: {
          /** @description "<version>" */
          ETag?: string;
          /** @description URL */
          Location?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SubmissionWrite'];
        };
      };
      /** @description Stored as the next version (without its rows: GET Location for them). */
      201: {
        headers: {
          /** @description "<version>" */
          ETag?: string;
          /** @description URL */
          Location?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SubmissionWrite'];
        };
      };
      /** @description The request is not valid: `errors` points at each bad field. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this user (type `not-a-member` when the partnership catalogue does not list them). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not possible in the current state (e.g. no catalogue yet). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The If-Match version is stale: someone else saved first. */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The body or upload is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Wrong content type. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The workbook or catalogue has errors: `issues` (or `errors`) lists every one; nothing was stored. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description If-Match is required because a version exists. */
      428: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests; retry after the time Retry-After gives. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Problem. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not ready, or too busy to take this on now (`Retry-After` says when to try again); nothing was stored. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  uploadSubmission: {
    parameters: {
      query?: never;
      header?: {
        /** @description The ETag of the version you edited, e.g. "3". */
        'if-match'?: string;
        /** @description "*" for the first version. */
        'if-none-match'?: string;
      };
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': components['schemas']['WorkbookUpload'];
      };
    };
    responses: {
      /** @description Identical to the current version: nothing was stored (no new version, no audit event); `unchanged` is true and this is the current version. */
      200: {
        headers: {
          /** @description "<version>" */
          ETag?: string;
          /** @description URL */
          Location?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SubmissionWrite'];
        };
      };
      /** @description Stored as the next version (without its rows: GET Location for them). */
      201: {
        headers: {
          /** @description "<version>" */
          ETag?: string;
          /** @description URL */
          Location?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SubmissionWrite'];
        };
      };
      /** @description The request is not valid: `errors` points at each bad field. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this user (type `not-a-member` when the partnership catalogue does not list them). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not possible in the current state (e.g. no catalogue yet). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The If-Match version is stale: someone else saved first. */
      412: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The body or upload is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Wrong content type. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The workbook or catalogue has errors: `issues` (or `errors`) lists every one; nothing was stored. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description If-Match is required because a version exists. */
      428: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests; retry after the time Retry-After gives. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Problem. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not ready, or too busy to take this on now (`Retry-After` says when to try again); nothing was stored. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  listSubmissionVersions: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The history. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SubmissionHistory'];
        };
      };
      /** @description The request is not valid: `errors` points at each bad field. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this user (type `not-a-member` when the partnership catalogue does not list them). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests; retry after the time Retry-After gives. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Problem. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getSubmissionVersion: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
        version: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description That version. */
      200: {
        headers: {
          /** @description "<version>" */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StoredSubmission'];
        };
      };
      /** @description The request is not valid: `errors` points at each bad field. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this user (type `not-a-member` when the partnership catalogue does not list them). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests; retry after the time Retry-After gives. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Problem. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getPartnerTemplate: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The workbook. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
        };
      };
      /** @description The request is not valid: `errors` points at each bad field. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this user (type `not-a-member` when the partnership catalogue does not list them). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not possible in the current state (e.g. no catalogue yet). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests; retry after the time Retry-After gives. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Problem. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  validateSubmission: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['ValidateRequest'];
        'multipart/form-data': components['schemas']['WorkbookUpload'];
      };
    };
    responses: {
      /** @description The validation report (valid or not). */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['ValidationReport'];
        };
      };
      /** @description The request is not valid: `errors` points at each bad field. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this user (type `not-a-member` when the partnership catalogue does not list them). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not possible in the current state (e.g. no catalogue yet). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The body or upload is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Wrong content type. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The workbook or catalogue has errors: `issues` (or `errors`) lists every one; nothing was stored. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests; retry after the time Retry-After gives. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Problem. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not ready, or too busy to take this on now (`Retry-After` says when to try again); nothing was stored. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getReadiness: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Ready. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Ready'];
        };
      };
      /** @description Problem. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not ready, or too busy to take this on now (`Retry-After` says when to try again); nothing was stored. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  listRegisters: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The registers. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RegisterList'];
        };
      };
      /** @description No valid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this user (type `not-a-member` when the partnership catalogue does not list them). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests; retry after the time Retry-After gives. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Problem. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  consolidateRegister: {
    parameters: {
      query?: {
        /** @description true: create a new version even when nothing changed since the latest register. */
        force?: 'true' | 'false';
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Nothing changed: the latest register, `unchanged` true; no version was created. */
      200: {
        headers: {
          /** @description "<version>" */
          ETag?: string;
          /** @description URL */
          Location?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Consolidation'];
        };
      };
      /** @description The new register. */
      201: {
        headers: {
          /** @description "<version>" */
          ETag?: string;
          /** @description URL */
          Location?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['Consolidation'];
        };
      };
      /** @description The request is not valid: `errors` points at each bad field. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this user (type `not-a-member` when the partnership catalogue does not list them). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not possible in the current state (e.g. no catalogue yet). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests; retry after the time Retry-After gives. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Problem. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  diffRegisters: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        a: string;
        b: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The difference. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['RegisterDiff'];
        };
      };
      /** @description The request is not valid: `errors` points at each bad field. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this user (type `not-a-member` when the partnership catalogue does not list them). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests; retry after the time Retry-After gives. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Problem. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getRegister: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        version: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The register. */
      200: {
        headers: {
          /** @description "<version>" */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StoredRegister'];
        };
      };
      /** @description The request is not valid: `errors` points at each bad field. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this user (type `not-a-member` when the partnership catalogue does not list them). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests; retry after the time Retry-After gives. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Problem. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getRegisterAppendixDocx: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        version: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The file, named after the partnership and the register version. */
      200: {
        headers: {
          /** @description attachment; filename="<partnership>-register-v<version>-...docx" */
          'Content-Disposition'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document': string;
        };
      };
      /** @description The request is not valid: `errors` points at each bad field. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this user (type `not-a-member` when the partnership catalogue does not list them). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests; retry after the time Retry-After gives. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Problem. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not ready, or too busy to take this on now (`Retry-After` says when to try again); nothing was stored. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getRegisterAppendixJson: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        version: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The file, named after the partnership and the register version. */
      200: {
        headers: {
          /** @description attachment; filename="<partnership>-register-v<version>-...json" */
          'Content-Disposition'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            [key: string]: unknown;
          };
        };
      };
      /** @description The request is not valid: `errors` points at each bad field. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this user (type `not-a-member` when the partnership catalogue does not list them). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests; retry after the time Retry-After gives. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Problem. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not ready, or too busy to take this on now (`Retry-After` says when to try again); nothing was stored. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getRegisterAppendixOds: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        version: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The file, named after the partnership and the register version. */
      200: {
        headers: {
          /** @description attachment; filename="<partnership>-register-v<version>-...ods" */
          'Content-Disposition'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/vnd.oasis.opendocument.spreadsheet': string;
        };
      };
      /** @description The request is not valid: `errors` points at each bad field. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this user (type `not-a-member` when the partnership catalogue does not list them). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests; retry after the time Retry-After gives. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Problem. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not ready, or too busy to take this on now (`Retry-After` says when to try again); nothing was stored. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getRegisterAppendixXlsx: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        version: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The file, named after the partnership and the register version. */
      200: {
        headers: {
          /** @description attachment; filename="<partnership>-register-v<version>-...xlsx" */
          'Content-Disposition'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': string;
        };
      };
      /** @description The request is not valid: `errors` points at each bad field. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this user (type `not-a-member` when the partnership catalogue does not list them). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests; retry after the time Retry-After gives. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Problem. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not ready, or too busy to take this on now (`Retry-After` says when to try again); nothing was stored. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getRegisterAppendixCsv: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        version: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The file, named after the partnership and the register version. */
      200: {
        headers: {
          /** @description attachment; filename="<partnership>-register-v<version>-...zip" */
          'Content-Disposition'?: string;
          [name: string]: unknown;
        };
        content: {
          'application/zip': string;
        };
      };
      /** @description The request is not valid: `errors` points at each bad field. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this user (type `not-a-member` when the partnership catalogue does not list them). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests; retry after the time Retry-After gives. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Problem. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not ready, or too busy to take this on now (`Retry-After` says when to try again); nothing was stored. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getSignOffStatus: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        version: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The sign-off status. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SignOffStatus'];
        };
      };
      /** @description The request is not valid: `errors` points at each bad field. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this user (type `not-a-member` when the partnership catalogue does not list them). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests; retry after the time Retry-After gives. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Problem. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  signOffRegister: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        version: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': components['schemas']['SignOffRequest'];
      };
    };
    responses: {
      /** @description Recorded (or already recorded: the first record stands). */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SignOffResult'];
        };
      };
      /** @description The request is not valid: `errors` points at each bad field. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this user (type `not-a-member` when the partnership catalogue does not list them). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not possible in the current state (e.g. no catalogue yet). */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The body or upload is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Wrong content type. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The workbook or catalogue has errors: `issues` (or `errors`) lists every one; nothing was stored. */
      422: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests; retry after the time Retry-After gives. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Problem. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  withdrawSignOff: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        organisationId: string;
        version: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Withdrawn: the sign-off that stood, and the status without it. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SignOffWithdrawal'];
        };
      };
      /** @description The request is not valid: `errors` points at each bad field. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this user (type `not-a-member` when the partnership catalogue does not list them). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests; retry after the time Retry-After gives. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Problem. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getLatestRegister: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The newest register. */
      200: {
        headers: {
          /** @description "<version>" */
          ETag?: string;
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['StoredRegister'];
        };
      };
      /** @description No valid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this user (type `not-a-member` when the partnership catalogue does not list them). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not found. */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests; retry after the time Retry-After gives. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Problem. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  getSignInConfiguration: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description The sign-in configuration. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['SignInConfig'];
        };
      };
      /** @description Too many requests; retry after the time Retry-After gives. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Problem. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
  verifyAppendix: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'multipart/form-data': components['schemas']['WorkbookUpload'];
      };
    };
    responses: {
      /** @description The verdict, with the first 100 differences and how many there are. */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': components['schemas']['VerifyResult'];
        };
      };
      /** @description The request is not valid: `errors` points at each bad field. */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description No valid bearer token. */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not allowed for this user (type `not-a-member` when the partnership catalogue does not list them). */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description The body or upload is too large. */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Wrong content type. */
      415: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Too many requests; retry after the time Retry-After gives. */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Problem. */
      500: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
      /** @description Not ready, or too busy to take this on now (`Retry-After` says when to try again); nothing was stored. */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/problem+json': components['schemas']['Problem'];
        };
      };
    };
  };
}
